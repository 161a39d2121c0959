using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Directory.PostgreSql;
using Owlmetry.Issues.Host.Storage.PostgreSql;
using Owlmetry.Issues.Tests.DirectoryStore;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>The directory's contract on PostgreSQL: each test in a schema of its own, dropped afterwards.</summary>
[TestFixture]
public sealed class PostgreSqlDirectoryStoreContractTests : DirectoryStoreContractTests
{
    private string _schema = "";
    private HostDatabase? _database;
    private PostgreSqlDirectoryStore? _store;

    protected override IDirectoryStore CreateStore()
    {
        _schema = PostgreSqlTestServer.NewSchema();
        _database = new HostDatabase(PostgreSqlTestServer.DataSource, _schema);
        _store = new PostgreSqlDirectoryStore(_database);
        return _store;
    }

    [TearDown]
    public async Task DropSchemaAsync()
    {
        _store?.Dispose();
        _database?.Dispose();
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
    }
}
