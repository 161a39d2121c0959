using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Storage.PostgreSql.Schema;
using Owlmetry.Issues.Storage.PostgreSql.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>What only the PostgreSQL store promises: its migrations, its errors, its data source's ownership.</summary>
[TestFixture]
public sealed class PostgreSqlIssueStoreTests : SchemaPerTest
{
    [Test]
    public async Task FirstUnit_TwoStoresAtOnce_BothSucceedAndTheSchemaIsMigratedOnce()
    {
        await using var first = Store();
        await using var second = Store();
        var issue = new IssueBuilder().Build();

        await Task.WhenAll(
            Task.Run(() => first.WriteAsync(writer => writer.InsertIssueAsync(issue))),
            Task.Run(() => second.ReadAsync(reader => reader.GetScanCheckpointAsync())));

        Assert.That(await first.ReadAsync(reader => reader.FindIssueAsync(issue.Id)), Is.Not.Null);
        Assert.That(await Scalar<long>($"SELECT count(*) FROM {Schema}.schema_migrations"), Is.EqualTo(IssueStoreMigrations.All.Count), "a version was recorded twice");
        Assert.That(await Scalar<long>($"SELECT count(*) FROM pg_tables WHERE schemaname = '{Schema}' AND tablename = 'issues'"), Is.EqualTo(1));
    }

    [Test]
    public async Task WriteAsync_TwoStoresOnOneSchema_SerializeTheirUnitsLikeTwoServers()
    {
        await using var first = Store();
        await using var second = Store();
        var issue = new IssueBuilder().Build();
        await first.WriteAsync(writer => writer.InsertIssueAsync(issue));

        await Task.WhenAll(new[] { first, second, first, second }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await store.WriteAsync(async writer =>
                {
                    var current = (await writer.FindIssueAsync(issue.Id))!;
                    await writer.UpdateIssueAsync(current with { OccurrenceCount = current.OccurrenceCount + 1 });
                });
            }
        })));

        var stored = await second.ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        Assert.That(stored?.OccurrenceCount, Is.EqualTo(100), "units of two stores interleaved: the advisory lock does not serialize them");
    }

    [Test]
    public async Task Migrator_RunAgain_AppliesNothing()
    {
        var migrator = new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, IssueStoreMigrations.Component, IssueStoreMigrations.All);

        var (first, second) = (await migrator.MigrateAsync(), await migrator.MigrateAsync());

        Assert.That((first, second), Is.EqualTo((IssueStoreMigrations.All.Count, 0)));
    }

    [Test]
    public async Task Migrations_OccurrencesStoredBeforeTheGroups_AreTheirIssuesAfterwardsAndMergeAsGroups()
    {
        await MigrateToVersionAsync(1);
        var (from, to) = (Guid.NewGuid(), Guid.NewGuid());
        await Execute(
            $"""
            INSERT INTO {Schema}.occurrences (issue_id, id, session_id, event_id, "timestamp", created_at, carries_app_version, carries_sdk_version)
            SELECT issue_id, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now(), now(), false, false
            FROM unnest(ARRAY['{from}', '{from}', '{to}']::uuid[]) AS issue_id
            """);
        await using var store = Store();

        var summary = await store.WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));

        var (merged, left) = await store.ReadAsync(async reader => (await reader.GetAllOccurrencesAsync(to), await reader.GetAllOccurrencesAsync(from)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(merged.Select(o => o.IssueId), Is.EqualTo(new[] { to, to, to }), "the occurrences of the first layout are not their issues' after migrating");
            Assert.That(left, Is.Empty, "the merged issue kept occurrences");
            Assert.That(summary.Count, Is.EqualTo(3));
            Assert.That(await Scalar<long>($"SELECT count(*) FROM {Schema}.occurrence_groups WHERE issue_id = '{to}'"), Is.EqualTo(2), "the merge did not re-point the source's group");
        }
    }

    [Test]
    public async Task Migrations_OccurrencesStoredUnderVersionFour_AreKeyedByGroupAndSessionAlone()
    {
        await MigrateToVersionAsync(4);
        var (issueId, session) = (Guid.NewGuid(), Guid.NewGuid());
        await Execute(
            $"""
            INSERT INTO {Schema}.occurrence_groups (group_id, issue_id) VALUES ('{issueId}', '{issueId}');
            INSERT INTO {Schema}.occurrences (group_id, id, session_id, event_id, "timestamp", created_at, carries_app_version, carries_sdk_version)
            SELECT '{issueId}', gen_random_uuid(), s, gen_random_uuid(), now(), now(), false, false FROM unnest(ARRAY['{session}', gen_random_uuid()]) AS s
            """);
        await using var store = Store();

        var kept = await store.ReadAsync(reader => reader.GetAllOccurrencesAsync(issueId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept, Has.Count.EqualTo(2), "the migration lost occurrences");
            Assert.That(
                await Scalar<string>(
                    "SELECT string_agg(i.relname || CASE WHEN x.indisprimary THEN ' (primary key)' ELSE '' END, ', ' ORDER BY i.relname) " +
                    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid " +
                    $"JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = '{Schema}' AND t.relname = 'occurrences'"),
                Is.EqualTo("occurrences_page, occurrences_session (primary key), occurrences_user"),
                "each occurrence should cost three index entries: the (group, session) key, the detail's page and the users");
            await Assert.ThatAsync(
                () => store.WriteAsync(writer => writer.InsertOccurrenceAsync(new OccurrenceBuilder(issueId).InSession(session).Build())),
                Throws.TypeOf<IssueStoreConflictException>(),
                "a second occurrence of a stored session was accepted");
        }
    }

    [Test]
    public async Task Migrations_ClientEventsStoredUnderVersionFive_CarryTheirStoredEventsSequenceAndLandingsAreGone()
    {
        await MigrateToVersionAsync(5);
        var (appId, stored, notStored) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Execute(
            $"""
            INSERT INTO {Schema}.events (seq, project_id, id, app_id, client_event_id, session_id, message, custom_attributes, is_dev, "timestamp", received_at)
            VALUES (7, gen_random_uuid(), gen_random_uuid(), '{appId}', '{stored}', gen_random_uuid(), 'boom', jsonb_build_object(), false, now(), now());
            INSERT INTO {Schema}.client_events (app_id, client_event_id) VALUES ('{appId}', '{stored}'), ('{appId}', '{notStored}');
            """);
        await using var store = Store();

        var sequences = await store.ReadAsync(async reader => new[]
        {
            await reader.FindEventSequenceOfClientEventAsync(appId, stored), await reader.FindEventSequenceOfClientEventAsync(appId, notStored),
        });

        Assert.That(sequences, Is.EqualTo(new long?[] { 7, null }), "the stored event's sequence, none for an event the store did not keep");
        Assert.That(await Scalar<bool>($"SELECT to_regclass('{Schema}.event_landings') IS NULL"), Is.True, "event_landings is retired");
    }

    [Test]
    public async Task Migrator_TwoComponentsInOneSchema_KeepTheirOwnVersions()
    {
        await new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, IssueStoreMigrations.Component, IssueStoreMigrations.All).MigrateAsync();
        var host = new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, "host", [new PostgreSqlMigration(1, "users", "CREATE TABLE users (id uuid PRIMARY KEY)")]);

        var applied = await host.MigrateAsync();

        Assert.That(applied, Is.EqualTo(1));
        Assert.That(await Scalar<long>($"SELECT count(*) FROM {Schema}.users"), Is.Zero, "the host's table is not in the schema");
    }

    [Test]
    public async Task Migrator_DatabaseNewerThanTheCode_Refuses()
    {
        var host = new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, "host", [new PostgreSqlMigration(1, "a", "CREATE TABLE a (id int)"), new PostgreSqlMigration(2, "b", "CREATE TABLE b (id int)")]);
        await host.MigrateAsync();
        var older = new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, "host", [new PostgreSqlMigration(1, "a", "CREATE TABLE a (id int)")]);

        await Assert.ThatAsync(() => older.MigrateAsync(), Throws.InvalidOperationException.With.Message.Contains("version 2"));
    }

    [Test]
    public void Migrator_VersionsOutOfOrder_AreRefused() =>
        Assert.That(
            () => new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, "host", [new PostgreSqlMigration(2, "b", "SELECT 1")]),
            Throws.ArgumentException);

    [Test]
    public async Task FirstUnit_NothingListensOnThePort_ThrowsInvalidOperationNamingHostAndDatabase()
    {
        var port = FreePort.Next();
        await using var store = new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=owlmetry_nowhere;Username=postgres;Timeout=5",
        });

        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync(reader => reader.GetScanCheckpointAsync()));

        Assert.That(failure!.Message, Does.Contain("127.0.0.1").And.Contain("owlmetry_nowhere").And.Contain(port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(failure.InnerException, Is.InstanceOf<NpgsqlException>(), "the driver's error is kept as the cause");
    }

    [Test]
    public async Task FirstUnit_DatabaseMissing_ThrowsInvalidOperationWithTheServersReason()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.ConnectionString) { Database = "owlmetry_missing" };
        await using var store = new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { ConnectionString = builder.ConnectionString });

        await Assert.ThatAsync(
            () => store.ReadAsync(reader => reader.GetScanCheckpointAsync()),
            Throws.InvalidOperationException.With.Message.Contains("owlmetry_missing").And.Message.Contains("3D000"));
    }

    [Test]
    public async Task FirstUnit_RoleMayNotCreateTheSchema_ThrowsInvalidOperationWithTheServersReason()
    {
        var role = $"owl_{Guid.NewGuid():N}";
        await Execute($"CREATE ROLE {role} LOGIN PASSWORD 'owl'");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.ConnectionString) { Username = role, Password = "owl" };
            await using var store = new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { ConnectionString = builder.ConnectionString, Schema = Schema });

            await Assert.ThatAsync(
                () => store.ReadAsync(reader => reader.GetScanCheckpointAsync()),
                Throws.InvalidOperationException.With.Message.Contains("42501").And.Message.Contains(builder.Database!));
        }
        finally
        {
            await Execute($"DROP ROLE {role}");
        }
    }

    [Test]
    public async Task Dispose_DataSourcePassedIn_LeavesItOpen()
    {
        var store = Store();
        await store.WriteAsync(writer => writer.SetScanCheckpointAsync(1));

        await store.DisposeAsync();

        Assert.That(await Scalar<long>($"SELECT scan_checkpoint FROM {Schema}.scan_state"), Is.EqualTo(1), "the shared data source was disposed by the store");
    }

    [Test]
    public void Constructor_InvalidSchemaName_Throws() =>
        Assert.That(
            () => new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { DataSource = PostgreSqlTestServer.DataSource, Schema = "Robert'); DROP" }),
            Throws.ArgumentException);

    [Test]
    public async Task ReadAsync_InsideAReadUnit_RefusesToNest()
    {
        await using var store = Store();

        await Assert.ThatAsync(
            () => store.ReadAsync(async _ => await store.ReadAsync(reader => reader.GetScanCheckpointAsync())),
            Throws.InvalidOperationException.With.Message.Contains("do not nest"));
    }

    [Test]
    public async Task Units_ReadAndWrite_RunWithoutJitCompilation()
    {
        await using var store = Store();

        var inRead = await store.ReadAsync(async reader => await ((PostgreSqlIssueStoreReader)reader).Unit.ScalarAsync<string>("SHOW jit"));
        var inWrite = await store.WriteAsync(async writer => await ((PostgreSqlIssueStoreReader)writer).Unit.ScalarAsync<string>("SHOW jit"));

        Assert.That((inRead, inWrite), Is.EqualTo(("off", "off")), "a scan unit's batched probes would be compiled at every statement");
    }

    [Test]
    public async Task UsePostgreSql_ConnectionString_StoresAndDisposesItsOwnDataSourceWithTheProvider()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UsePostgreSql(o => (o.ConnectionString, o.Schema) = (PostgreSqlTestServer.ConnectionString, Schema));
        var issue = new IssueBuilder().Build();
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IIssueStore>().WriteAsync(writer => writer.InsertIssueAsync(issue));
        }

        await using var store = Store();
        Assert.That(await store.ReadAsync(reader => reader.FindIssueAsync(issue.Id)), Is.Not.Null, "the unit written through the container is not stored");
    }

    /// <summary>Applies the issue store's migrations up to <paramref name="version"/>, as an earlier release left the schema.</summary>
    private Task<int> MigrateToVersionAsync(int version) =>
        new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, Schema, IssueStoreMigrations.Component, [.. IssueStoreMigrations.All.Take(version)]).MigrateAsync();

    private static async Task Execute(string sql)
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(string sql)
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
