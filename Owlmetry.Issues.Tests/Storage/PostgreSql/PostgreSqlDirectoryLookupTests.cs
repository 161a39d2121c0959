using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Directory.PostgreSql;
using Owlmetry.Issues.Host.Storage.PostgreSql;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// The lookups every request makes are kept between requests on PostgreSQL, and a change made by any server on the
/// schema is seen by every other at once: here two directory stores on one schema stand for two servers.
/// </summary>
public sealed class PostgreSqlDirectoryLookupTests
{
    private static readonly TimeSpan s_heard = TimeSpan.FromSeconds(5);

    private string _schema = "";
    private HostDatabase _databaseA = null!;
    private HostDatabase _databaseB = null!;
    private PostgreSqlDirectoryStore _serverA = null!;
    private PostgreSqlDirectoryStore _serverB = null!;

    [SetUp]
    public void CreateTwoServers()
    {
        _schema = PostgreSqlTestServer.NewSchema();
        _databaseA = new HostDatabase(PostgreSqlTestServer.DataSource, _schema);
        _databaseB = new HostDatabase(PostgreSqlTestServer.DataSource, _schema);
        _serverA = new PostgreSqlDirectoryStore(_databaseA);
        _serverB = new PostgreSqlDirectoryStore(_databaseB);
    }

    [TearDown]
    public async Task DropSchemaAsync()
    {
        _serverA.Dispose();
        _serverB.Dispose();
        _databaseA.Dispose();
        _databaseB.Dispose();
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
    }

    [Test]
    public async Task KeyRevokedOnOneServer_IsRefusedByTheOtherAtOnce()
    {
        var key = await SavedKeyAsync();
        await ListeningAsync(_serverA);
        await ListeningAsync(_serverB);
        Assert.That((await _serverA.FindKeyBySecretHashAsync(key.SecretHash))?.RevokedAt, Is.Null, "server A finds the live key");
        Assert.That((await _serverB.FindKeyBySecretHashAsync(key.SecretHash))?.RevokedAt, Is.Null, "server B finds the live key");

        await _serverA.SaveKeyAsync(key with { RevokedAt = TestTimes.Base.AddHours(1) });

        Assert.That((await _serverA.FindKeyBySecretHashAsync(key.SecretHash))?.RevokedAt, Is.Not.Null, "the server that revoked the key must refuse it on its next request");
        await Poll.UntilAsync(
            async () => (await _serverB.FindKeyBySecretHashAsync(key.SecretHash))?.RevokedAt is not null, s_heard, "server B to see the key revoked on server A");
    }

    [Test]
    public async Task ProjectAddedOnOneServer_IsListedByTheOtherAtOnce()
    {
        var teamId = Guid.NewGuid();
        await _serverA.SaveProjectAsync(DirectoryRecords.Project(teamId));
        await ListeningAsync(_serverB);
        Assert.That(await _serverB.ListProjectsAsync([teamId]), Has.Count.EqualTo(1), "server B lists the team's project");

        await _serverA.SaveProjectAsync(DirectoryRecords.Project(teamId));

        await Poll.UntilAsync(async () => (await _serverB.ListProjectsAsync([teamId])).Count == 2, s_heard, "server B to list the project added on server A");
    }

    [Test]
    public async Task FoundLookups_AreKeptUntilTheSchemasChangeIsHeard()
    {
        var key = await SavedKeyAsync();
        var app = DirectoryRecords.App(Guid.NewGuid());
        await _serverA.AddAppAsync(app);
        await ListeningAsync(_serverB);
        await _serverB.FindKeyBySecretHashAsync(key.SecretHash);
        await _serverB.FindAppAsync(app.Id);

        // Rows removed behind the servers' backs, with no notification: server B still answers from what it keeps.
        await ExecuteAsync($"DELETE FROM {_schema}.dir_keys; DELETE FROM {_schema}.dir_apps");
        Assert.That(await _serverB.FindKeyBySecretHashAsync(key.SecretHash), Is.Not.Null, "a key found before must be answered without the database");
        Assert.That(await _serverB.FindAppAsync(app.Id), Is.Not.Null, "an app found before must be answered without the database");

        await ExecuteAsync($"SELECT pg_notify('{DirectoryChangeFeed.Channel}', 'another_schema')");
        await ExecuteAsync($"SELECT pg_notify('{DirectoryChangeFeed.Channel}', '{_schema}')");

        await Poll.UntilAsync(async () => await _serverB.FindKeyBySecretHashAsync(key.SecretHash) is null, s_heard, "server B to read the key again after the change");
        Assert.That(await _serverB.FindAppAsync(app.Id), Is.Null, "after a change every lookup reads the database again");
    }

    [Test]
    public async Task LookupNotFound_IsNotKept()
    {
        var key = await SavedKeyAsync();
        const string newSecretHash = "sha256-not-yet-there";
        await ListeningAsync(_serverB);
        Assert.That(await _serverB.FindKeyBySecretHashAsync(newSecretHash), Is.Null);

        // Changed without a notification: only a lookup that reads the database finds it.
        await ExecuteAsync($"UPDATE {_schema}.dir_keys SET secret_hash = '{newSecretHash}' WHERE id = '{key.Id}'");

        Assert.That(await _serverB.FindKeyBySecretHashAsync(newSecretHash), Is.Not.Null, "a key not found before must be looked up again, or a key created on another server would be refused");
    }

    [Test]
    public async Task ListenerConnectionLost_LookupsReadTheDatabaseAndListeningResumes()
    {
        var key = await SavedKeyAsync();
        await ListeningAsync(_serverB);
        await _serverB.FindKeyBySecretHashAsync(key.SecretHash);
        var listener = _serverB.Changes.ListenerProcessId;

        await ExecuteAsync($"DELETE FROM {_schema}.dir_keys");
        await ExecuteAsync($"SELECT pg_terminate_backend({listener})");

        await Poll.UntilAsync(
            async () => await _serverB.FindKeyBySecretHashAsync(key.SecretHash) is null, s_heard, "server B to stop answering from what it kept once its listener dropped");
        await Poll.UntilAsync(() => _serverB.Changes.IsListening && _serverB.Changes.ListenerProcessId != listener, s_heard, "server B to listen again");
    }

    private async Task<ApiKey> SavedKeyAsync()
    {
        var key = DirectoryRecords.AgentKey(Guid.NewGuid());
        await _serverA.SaveKeyAsync(key);
        return key;
    }

    /// <summary>The first lookup starts a server's feed; until it listens, every lookup reads the database.</summary>
    private static async Task ListeningAsync(PostgreSqlDirectoryStore server)
    {
        await server.FindAppAsync(Guid.NewGuid());
        await Poll.UntilAsync(() => server.Changes.IsListening, s_heard, "the server to listen for directory changes");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
