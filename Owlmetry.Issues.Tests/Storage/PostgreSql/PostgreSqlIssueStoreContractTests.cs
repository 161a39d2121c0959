using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>The contract on PostgreSQL: each test in a schema of its own, dropped afterwards.</summary>
[TestFixture]
public sealed class PostgreSqlIssueStoreContractTests : IssueStoreContractTests
{
    private string _schema = "";

    protected override IIssueStore CreateStore()
    {
        _schema = PostgreSqlTestServer.NewSchema();
        return new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { DataSource = PostgreSqlTestServer.DataSource, Schema = _schema });
    }

    [TearDown]
    public async Task DropSchemaAsync()
    {
        await ((PostgreSqlIssueStore)Store).DisposeAsync();
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
    }
}
