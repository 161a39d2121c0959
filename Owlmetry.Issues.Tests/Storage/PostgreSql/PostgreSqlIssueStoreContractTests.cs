using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>The contract on PostgreSQL: each test in a schema of its own, dropped afterwards.</summary>
[TestFixture]
public sealed class PostgreSqlIssueStoreContractTests : IssueStoreContractTests
{
    private string _schema = "";

    protected override IIssueStore CreateStore()
    {
        _schema = PostgreSqlServer.NewSchema();
        return new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { DataSource = PostgreSqlServer.DataSource, Schema = _schema });
    }

    [TearDown]
    public async Task DropSchemaAsync()
    {
        await ((PostgreSqlIssueStore)Store).DisposeAsync();
        await PostgreSqlServer.DropSchemaAsync(_schema);
    }
}
