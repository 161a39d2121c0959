using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Scanning;

public sealed class ScanJobsTests
{
    private FakeTimeProvider _clock = null!;
    private InMemoryIssueStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(IssueFactory.Epoch);
        _store = new InMemoryIssueStore();
    }

    [Test]
    public async Task ListAsync_RunLeftRunningByAStoppedProcess_IsReportedFailedAsInterrupted()
    {
        var left = await SaveAsync(Run(ScanRunStatus.Running));
        var done = await SaveAsync(Run(ScanRunStatus.Completed) with { CompletedAt = IssueFactory.Epoch });
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
    public void ResultAddAndGetAsync_NoArgument_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => IssueScanResult.Empty.Add(null!));
        Assert.ThrowsAsync<ArgumentNullException>(() => NewJobs().GetAsync(null!, Guid.NewGuid()));
    }

    private ScanJobs NewJobs()
    {
        var options = Options.Create(new IssuesOptions());
        return new ScanJobs(new IssueScanner(_store, new DefaultFingerprintStrategy(), _clock, options), _store, _clock);
    }

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
