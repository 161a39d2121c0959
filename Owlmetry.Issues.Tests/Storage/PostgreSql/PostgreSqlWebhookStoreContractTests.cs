using Owlmetry.Issues.Host.Storage.PostgreSql;
using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Host.Webhooks.PostgreSql;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Tests.Webhooks;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>The webhooks' contract on PostgreSQL: each test in a schema of its own, dropped afterwards.</summary>
[TestFixture]
public sealed class PostgreSqlWebhookStoreContractTests : WebhookStoreContractTests
{
    private string _schema = "";
    private HostDatabase? _database;

    protected override IWebhookStore CreateStore()
    {
        _schema = PostgreSqlTestServer.NewSchema();
        _database = new HostDatabase(PostgreSqlTestServer.DataSource, _schema);
        return new PostgreSqlWebhookStore(_database);
    }

    [TearDown]
    public async Task DropSchemaAsync()
    {
        _database?.Dispose();
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
    }
}
