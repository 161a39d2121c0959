using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>A schema of its own on the PostgreSQL test server for each test, dropped after it.</summary>
public abstract class SchemaPerTest
{
    private protected string Schema { get; private set; } = "";

    [SetUp]
    public void NameSchema() => Schema = PostgreSqlTestServer.NewSchema();

    [TearDown]
    public Task DropSchemaAsync() => PostgreSqlTestServer.DropSchemaAsync(Schema);

    /// <summary>An issue store on the test's schema, over the shared data source unless given another.</summary>
    private protected PostgreSqlIssueStore Store(NpgsqlDataSource? dataSource = null) =>
        new(new PostgreSqlIssueStoreOptions { DataSource = dataSource ?? PostgreSqlTestServer.DataSource, Schema = Schema });
}
