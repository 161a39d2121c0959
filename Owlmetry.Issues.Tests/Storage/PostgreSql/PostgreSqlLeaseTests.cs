using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// One scan pass and one notification dispatch at a time across every process on one schema, and a dead holder's
/// lease taken over.
/// </summary>
[TestFixture]
public sealed class PostgreSqlLeaseTests : SchemaPerTest
{
    [Test]
    public async Task TryAcquireLease_HeldByAnotherStore_IsRefusedUntilReleased()
    {
        await using var first = Store();
        await using var second = Store();

        var held = await first.TryAcquireLeaseAsync(StoreLeases.Scan);
        var refused = await second.TryAcquireLeaseAsync(StoreLeases.Scan);
        await held!.DisposeAsync();
        var taken = await second.TryAcquireLeaseAsync(StoreLeases.Scan);
        await taken!.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.Not.Null, "the first store could not take a free lease");
            Assert.That(refused, Is.Null, "two stores on one schema held the scan lease at once");
            Assert.That(taken, Is.Not.Null, "a released lease could not be taken");
        }
    }

    [Test]
    public async Task TryAcquireLease_HolderKilled_IsTakenByAnother()
    {
        const string holderName = "owlmetry-killed-scanner";
        await using var holderSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.ConnectionString) { ApplicationName = holderName }.ConnectionString);
        await using var holder = Store(holderSource);
        await using var other = Store();
        var held = await holder.TryAcquireLeaseAsync(StoreLeases.Scan);
        Assert.That(await other.TryAcquireLeaseAsync(StoreLeases.Scan), Is.Null, "the lease was free while held");

        // What a SIGKILL of the holder's process does to its session.
        await using (var kill = PostgreSqlTestServer.DataSource.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1"))
        {
            kill.Parameters.Add(new NpgsqlParameter<string> { TypedValue = holderName });
            await kill.ExecuteNonQueryAsync();
        }

        IAsyncDisposable? taken = null;
        await Poll.UntilAsync(async () => (taken = await other.TryAcquireLeaseAsync(StoreLeases.Scan)) is not null, TimeSpan.FromSeconds(10), "the dead holder's lease to be freed");
        await taken!.DisposeAsync();
        Assert.That(async () => await held!.DisposeAsync(), Throws.Nothing, "releasing a lease whose connection died failed");
    }

    [Test]
    public async Task ScanAsync_WhileAnotherProcessScans_ScansNothingThenScansOnceItIsDone()
    {
        await using var store = Store();
        await using var otherProcess = Store();
        await store.WriteAsync(writer => writer.AppendEventsAsync([new ErrorEventBuilder("Connection refused").Build(), new ErrorEventBuilder("Timeout").Build()]));
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), new FakeTimeProvider(TestTimes.At(0)), Options.Create(new IssuesOptions()));

        var lease = await otherProcess.TryAcquireLeaseAsync(StoreLeases.Scan);
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

    [Test]
    public async Task ScanStoredEventsAsync_WhileAnotherProcessHoldsTheLease_WaitsForItThenScansTheEvents()
    {
        await using var store = Store();
        await using var otherProcess = Store();
        await store.WriteAsync(writer => writer.AppendEventsAsync([new ErrorEventBuilder("Connection refused").Build(), new ErrorEventBuilder("Timeout").Build()]));
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), new FakeTimeProvider(TestTimes.At(0)), Options.Create(new IssuesOptions()));

        var lease = await otherProcess.TryAcquireLeaseAsync(StoreLeases.Scan);
        var pass = scanner.ScanStoredEventsAsync();
        await Task.Delay(4 * IssueScanner.LeasePoll);
        var returnedWhileHeld = pass.IsCompleted;
        await lease!.DisposeAsync();
        var result = await pass.WaitAsync(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(returnedWhileHeld, Is.False, "the pass returned while another process held the lease and the events were unscanned");
            Assert.That(result.EventsProcessed, Is.EqualTo(2), "the pass once the lease was released");
            Assert.That(await store.ReadAsync(reader => reader.GetScanCheckpointAsync()), Is.EqualTo(await store.ReadAsync(reader => reader.GetLastEventSequenceAsync())));
        }
    }

    [Test]
    public async Task ScanJobs_RunRecordedRunningByAProcessHoldingTheLease_IsReportedInterruptedOnlyOnceTheLeaseIsFree()
    {
        await using var store = Store();
        await using var peer = Store();
        var clock = new FakeTimeProvider(TestTimes.At(0));
        var peerLease = await peer.TryAcquireLeaseAsync(StoreLeases.Scan);
        var peersRun = new ScanRun { Id = Guid.NewGuid(), TriggeredByTeamId = Guid.NewGuid(), Status = ScanRunStatus.Running, StartedAt = TestTimes.At(0) };
        await peer.WriteAsync(async writer =>
        {
            await writer.SaveScanRunAsync(peersRun);
            return true;
        });
        var jobs = new ScanJobs(new IssueScanner(store, new DefaultFingerprintStrategy(), clock, Options.Create(new IssuesOptions())), store, new InMemoryIssueDirectory(), clock);

        var whilePeerHoldsTheLease = await jobs.FindAsync(peersRun.Id);
        await peerLease!.DisposeAsync();
        var afterThePeerStopped = await jobs.FindAsync(peersRun.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whilePeerHoldsTheLease?.Status, Is.EqualTo(ScanRunStatus.Running), "a starting server reported a live peer's run interrupted");
            Assert.That((afterThePeerStopped?.Status, afterThePeerStopped?.Error), Is.EqualTo((ScanRunStatus.Failed, ScanJobs.InterruptedError)),
                "the run once no process held the scan lease");
        }
    }

    [Test]
    public async Task TryAcquireLease_DifferentNames_DoNotExcludeEachOther()
    {
        await using var first = Store();
        await using var second = Store();

        await using var scan = await first.TryAcquireLeaseAsync(StoreLeases.Scan);
        await using var dispatch = await second.TryAcquireLeaseAsync(StoreLeases.NotificationDispatch);

        Assert.That(dispatch, Is.Not.Null, "the scan's lease kept the notification dispatch's lease from being taken");
    }

    [Test]
    public async Task DispatchPendingAsync_WhileAnotherProcessDispatches_HandsNothingOverThenHandsEachOnce()
    {
        await using var store = Store();
        await using var otherProcess = Store();
        var handler = new RecordingNotificationHandler();
        var dispatcher = new NotificationDispatcher(
            store, [handler], new FakeTimeProvider(TestTimes.At(0)), Options.Create(new NotificationOptions()), NullLogger<NotificationDispatcher>.Instance);
        await store.WriteAsync(writer => writer.AddNotificationAsync(NotificationRecorder.ToOutbox(new IssueNewNotification
        {
            Id = Guid.NewGuid(),
            CreatedAt = TestTimes.At(0),
            TeamId = Guid.NewGuid(),
            Title = "1 new issue",
            Body = "Connection refused",
            Data = new IssueNewData(new NotificationCounts(1, 0), [], []),
        })));

        var lease = await otherProcess.TryAcquireLeaseAsync(StoreLeases.NotificationDispatch);
        var whileHeld = await dispatcher.DispatchPendingAsync();
        await lease!.DisposeAsync();
        var afterwards = await dispatcher.DispatchPendingAsync();
        var again = await dispatcher.DispatchPendingAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileHeld, Is.Zero, "a notification was dispatched while another process held the dispatch lease");
            Assert.That(afterwards, Is.EqualTo(1), "the pending notification was not dispatched once the lease was free");
            Assert.That(again, Is.Zero, "a dispatched notification was handed over again");
            Assert.That(handler.Received, Has.Count.EqualTo(1), "the handler did not get the notification exactly once");
        }
    }
}
