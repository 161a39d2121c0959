using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Scanning;

public sealed class ScanJobsTests
{
    private ScanWorld _world = null!;
    private FakeTimeProvider _clock = null!;
    private InMemoryIssueStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new ScanWorld();
        _clock = _world.Clock;
        _store = _world.Issues.Store;
    }

    [Test]
    public async Task ListAsync_RunLeftRunningByAStoppedProcess_IsReportedFailedAsInterrupted()
    {
        var left = await SaveAsync(Run(ScanRunStatus.Running));
        var done = await SaveAsync(Run(ScanRunStatus.Completed) with { CompletedAt = TestTimes.ClockStart });
        _clock.Advance(TimeSpan.FromMinutes(5));

        var runs = await NewJobs().ListAsync(10);

        Assert.That(runs.Single(r => r.Id == left.Id), Is.EqualTo(left with
        {
            Status = ScanRunStatus.Failed, CompletedAt = _clock.GetUtcNow(), Error = ScanJobs.InterruptedError,
        }));
        Assert.That(runs.Single(r => r.Id == done.Id), Is.EqualTo(done), "a finished run is left as it was");
    }

    [Test]
    public async Task FindAsync_RunLeftRunningByAStoppedProcess_IsReportedFailed()
    {
        var left = await SaveAsync(Run(ScanRunStatus.Running));

        var found = await NewJobs().FindAsync(left.Id);

        Assert.That(found?.Status, Is.EqualTo(ScanRunStatus.Failed));
    }

    [Test]
    public async Task ListAsync_RunRecordedRunningAfterTheFirstUse_IsLeftRunning()
    {
        var jobs = NewJobs();
        await jobs.ListAsync(10);
        await SaveAsync(Run(ScanRunStatus.Running));

        var runs = await jobs.ListAsync(10);

        Assert.That(runs.Single().Status, Is.EqualTo(ScanRunStatus.Running),
            "runs are repaired once, before first use: a run recorded since may be this process's own");
    }

    [Test]
    public async Task RunAsync_AfterAStoppedProcessLeftARunRunning_RecordsBoth()
    {
        var left = await SaveAsync(Run(ScanRunStatus.Running));

        var run = await NewJobs().RunAsync(Guid.NewGuid());

        var runs = await _store.ReadAsync(r => r.ListScanRunsAsync(10));
        Assert.That(runs.Select(r => (r.Id, r.Status)), Is.EquivalentTo(new[]
        {
            (left.Id, ScanRunStatus.Failed), (run.Id, ScanRunStatus.Completed),
        }));
    }

    [Test]
    public async Task RunAsync_BackgroundPassThatScannedNothing_LeavesNoRun()
    {
        var jobs = NewJobs();

        var run = await jobs.RunAsync(triggeredByTeamId: null);

        Assert.That(run.Status, Is.EqualTo(ScanRunStatus.Completed));
        Assert.That(await jobs.ListAsync(10), Is.Empty, "a background pass is recorded only when it scanned events");
    }

    [Test]
    public async Task RunAsync_BackgroundPassThatScannedEvents_RecordsTheCompletedRunWithItsResult()
    {
        await IngestAsync(3);

        var run = await NewJobs().RunAsync(triggeredByTeamId: null);

        var recorded = (await _store.ReadAsync(r => r.ListScanRunsAsync(10))).Single();
        Assert.That(recorded, Is.EqualTo(run));
        Assert.That((recorded.Status, recorded.Result?.EventsProcessed), Is.EqualTo((ScanRunStatus.Completed, 3)));
    }

    [Test]
    public async Task RunAsync_Triggered_IsRecordedRunningWhileItScans()
    {
        await IngestAsync(1);
        var store = new InterceptingIssueStore(_store);
        var jobs = NewJobs(store);
        await jobs.ListAsync(10);
        IReadOnlyList<ScanRun>? duringScan = null;

        // The next write records the run; the one after it is the scan's first unit.
        store.BeforeNextWrite = () =>
        {
            store.BeforeNextWrite = async () => duringScan = await _store.ReadAsync(r => r.ListScanRunsAsync(10));
            return Task.CompletedTask;
        };
        var run = await jobs.RunAsync(Guid.NewGuid());

        Assert.That(duringScan?.Select(r => (r.Id, r.Status)), Is.EqualTo(new[] { (run.Id, ScanRunStatus.Running) }));
    }

    [Test]
    public async Task RunAsync_ScanFails_RecordsTheFailedRunWithoutTheStoresMessageAndRethrowsIt([Values] bool triggered)
    {
        await IngestAsync(2);
        var store = new InterceptingIssueStore(_store);
        var jobs = NewJobs(store);
        await jobs.ListAsync(10);
        Func<Task> failTheScansUnit = () =>
        {
            store.FailNextWriteAfterWork = true;
            return Task.CompletedTask;
        };

        // A triggered run is recorded running first, so the scan's unit is the second write.
        store.BeforeNextWrite = triggered
            ? () =>
            {
                store.BeforeNextWrite = failTheScansUnit;
                return Task.CompletedTask;
            }
            : failTheScansUnit;

        var thrown = Assert.ThrowsAsync<IOException>(() => jobs.RunAsync(triggered ? Guid.NewGuid() : null));

        var run = (await _store.ReadAsync(r => r.ListScanRunsAsync(10))).Single();
        Assert.That(thrown?.Message, Is.EqualTo("simulated crash before commit"), "the caller, which logs it, gets the store's error");
        Assert.That((run.Status, run.Error, run.CompletedAt), Is.EqualTo((ScanRunStatus.Failed, ScanJobs.FailedError, _clock.GetUtcNow())));
    }

    [Test]
    public async Task RunAsync_TriggeredWhileAnotherProcessHoldsTheScanLease_WaitsForTheLeaseThenScans()
    {
        await IngestAsync(2);
        var store = new InterceptingIssueStore(_store) { LeaseHeldElsewhere = true };
        var jobs = NewJobs(store);

        var triggered = jobs.RunAsync(_world.TeamId);
        await Task.Delay(4 * IssueScanner.LeasePoll);
        var completedWhileHeld = triggered.IsCompleted;
        var recordedWhileHeld = await _store.ReadAsync(r => r.ListScanRunsAsync(10));
        store.LeaseHeldElsewhere = false;
        var run = await triggered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(completedWhileHeld, Is.False, "a triggered run finished while another process held the lease and its events were unscanned");
        Assert.That(recordedWhileHeld, Is.Empty, "a triggered run was recorded running before its process held the scan lease");
        Assert.That((run.Status, run.Result?.EventsProcessed), Is.EqualTo((ScanRunStatus.Completed, 2)), "the triggered run once the lease was free");
    }

    [Test]
    public async Task ListAsync_RunLeftRunningWhileAnotherProcessHoldsTheScanLease_IsRepairedOnlyOnceTheLeaseIsFree()
    {
        var running = await SaveAsync(Run(ScanRunStatus.Running));
        var store = new InterceptingIssueStore(_store) { LeaseHeldElsewhere = true };
        var jobs = NewJobs(store);

        var whileHeld = await jobs.ListAsync(10);
        store.LeaseHeldElsewhere = false;
        var afterwards = await jobs.ListAsync(10);

        Assert.That(whileHeld.Single(r => r.Id == running.Id).Status, Is.EqualTo(ScanRunStatus.Running),
            "a run was reported interrupted while the process holding the scan lease may be running it");
        Assert.That(afterwards.Single(r => r.Id == running.Id).Status, Is.EqualTo(ScanRunStatus.Failed), "the run once no process held the lease");
    }

    [Test]
    public async Task RunAsync_TriggeredWhileAnotherProcessScansTheEvents_FinishesOnceTheyAreScanned()
    {
        await IngestAsync(2);
        var store = new InterceptingIssueStore(_store) { LeaseHeldElsewhere = true };
        var jobs = NewJobs(store);

        var triggered = jobs.RunAsync(Guid.NewGuid());
        await Task.Delay(2 * IssueScanner.LeasePoll);
        var completedBeforeTheOtherPass = triggered.IsCompleted;
        await NewJobs().RunAsync(triggeredByTeamId: null);
        var run = await triggered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(completedBeforeTheOtherPass, Is.False, "a triggered run finished before any process had scanned the events");
        Assert.That((run.Status, run.Result?.EventsProcessed), Is.EqualTo((ScanRunStatus.Completed, 0)),
            "the triggered run, whose events the other process's pass scanned while it held the lease");
    }

    [Test]
    public async Task RunAsync_BackgroundWhileAnotherProcessHoldsTheScanLease_ReturnsAtOnceHavingScannedNothing()
    {
        await IngestAsync(2);
        var jobs = NewJobs(new InterceptingIssueStore(_store) { LeaseHeldElsewhere = true });

        var run = await jobs.RunAsync(triggeredByTeamId: null).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(run.Result?.EventsProcessed, Is.Zero, "the background pass scanned while another process held the lease");
        Assert.That(await _store.ReadAsync(r => r.GetScanCheckpointAsync()), Is.Zero, "the checkpoint moved");
    }

    [Test]
    public void ResultAddAndGetAsync_NoArgument_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => IssueScanResult.Empty.Add(null!));
        Assert.ThrowsAsync<ArgumentNullException>(() => NewJobs().GetAsync(null!, Guid.NewGuid()));
    }

    private ScanJobs NewJobs(IIssueStore? store = null)
    {
        store ??= _store;
        var options = Options.Create(new IssuesOptions());
        return new ScanJobs(new IssueScanner(store, new DefaultFingerprintStrategy(), _clock, options), store, _world.Issues.Directory, _clock);
    }

    private Task IngestAsync(int count) => _world.IngestAsync([.. Enumerable.Range(0, count).Select(_ => ScanWorld.Error("Crash", Guid.NewGuid()))]);

    private ScanRun Run(string status) => new()
    {
        Id = Guid.NewGuid(), TriggeredByTeamId = Guid.NewGuid(), Status = status, StartedAt = _clock.GetUtcNow(),
    };

    private async Task<ScanRun> SaveAsync(ScanRun run)
    {
        await _store.WriteAsync(async w =>
        {
            await w.SaveScanRunAsync(run);
            return true;
        });
        return run;
    }
}
