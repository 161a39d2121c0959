using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>One scan pass at a time across every process on one schema, and a dead holder's lease taken over.</summary>
[TestFixture]
public sealed class PostgreSqlScanLeaseTests
{
    private string _schema = "";

    [SetUp]
    public void NameSchema() => _schema = PostgreSqlTestServer.NewSchema();

    [TearDown]
    public Task DropSchemaAsync() => PostgreSqlTestServer.DropSchemaAsync(_schema);

    [Test]
    public async Task TryAcquireScanLease_HeldByAnotherStore_IsRefusedUntilReleased()
    {
        await using var first = Store(PostgreSqlTestServer.DataSource);
        await using var second = Store(PostgreSqlTestServer.DataSource);

        var held = await first.TryAcquireScanLeaseAsync();
        var refused = await second.TryAcquireScanLeaseAsync();
        await held!.DisposeAsync();
        var taken = await second.TryAcquireScanLeaseAsync();
        await taken!.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.Not.Null, "the first store could not take a free lease");
            Assert.That(refused, Is.Null, "two stores on one schema held the scan lease at once");
            Assert.That(taken, Is.Not.Null, "a released lease could not be taken");
        }
    }

    [Test]
    public async Task TryAcquireScanLease_HolderKilled_IsTakenByAnother()
    {
        const string holderName = "owlmetry-killed-scanner";
        await using var holderSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.ConnectionString) { ApplicationName = holderName }.ConnectionString);
        await using var holder = Store(holderSource);
        await using var other = Store(PostgreSqlTestServer.DataSource);
        var held = await holder.TryAcquireScanLeaseAsync();
        Assert.That(await other.TryAcquireScanLeaseAsync(), Is.Null, "the lease was free while held");

        // What a SIGKILL of the holder's process does to its session.
        await using (var kill = PostgreSqlTestServer.DataSource.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1"))
        {
            kill.Parameters.Add(new NpgsqlParameter<string> { TypedValue = holderName });
            await kill.ExecuteNonQueryAsync();
        }

        IAsyncDisposable? taken = null;
        await Poll.UntilAsync(async () => (taken = await other.TryAcquireScanLeaseAsync()) is not null, TimeSpan.FromSeconds(10), "the dead holder's lease to be freed");
        await taken!.DisposeAsync();
        Assert.That(async () => await held!.DisposeAsync(), Throws.Nothing, "releasing a lease whose connection died failed");
    }

    [Test]
    public async Task ScanAsync_WhileAnotherProcessScans_ScansNothingThenScansOnceItIsDone()
    {
        await using var store = Store(PostgreSqlTestServer.DataSource);
        await using var otherProcess = Store(PostgreSqlTestServer.DataSource);
        await store.WriteAsync(writer => writer.AppendEventsAsync([new ErrorEventBuilder("Connection refused").Build(), new ErrorEventBuilder("Timeout").Build()]));
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), new FakeTimeProvider(TestTimes.At(0)), Options.Create(new IssuesOptions()));

        var lease = await otherProcess.TryAcquireScanLeaseAsync();
        var whileHeld = await scanner.ScanAsync();
        var checkpointWhileHeld = await store.ReadAsync(reader => reader.GetScanCheckpointAsync());
        await lease!.DisposeAsync();
        var afterwards = await scanner.ScanAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileHeld.EventsProcessed, Is.Zero, "a pass ran while another process held the scan lease");
            Assert.That(checkpointWhileHeld, Is.Zero, "the checkpoint moved while another process held the scan lease");
            Assert.That(afterwards.EventsProcessed, Is.EqualTo(2), "the pass after the lease was released did not scan the events");
        }
    }

    private PostgreSqlIssueStore Store(NpgsqlDataSource dataSource) => new(new PostgreSqlIssueStoreOptions { DataSource = dataSource, Schema = _schema });
}
