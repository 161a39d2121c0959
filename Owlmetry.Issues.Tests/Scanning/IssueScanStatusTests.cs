using Microsoft.Extensions.Options;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Tests.Scanning;

public sealed class IssueScanStatusTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [TestCase("1.3.0", IssueStatus.Regressed)]
    [TestCase("1.10", IssueStatus.Regressed)]
    [TestCase("1.2.0", IssueStatus.Resolved)]
    [TestCase("v1.2", IssueStatus.Resolved)]
    [TestCase("1.0.9", IssueStatus.Resolved)]
    [TestCase("1.2.0-rc.1", IssueStatus.Resolved)]
    [TestCase(null, IssueStatus.Resolved)]
    public async Task Scan_ResolvedIssueOccursInAppVersion_RegressesOnlyWhenNewer(string? appVersion, IssueStatus expected)
    {
        var issue = await ResolvedIssueAsync("1.2.0");

        var (_, scan) = await _world.SendAsync(Error("Crash", Guid.NewGuid()) with { AppVersion = appVersion });

        var after = await _world.SingleIssueAsync();
        Assert.That(after.Status, Is.EqualTo(expected), $"event version {appVersion ?? "(none)"} against resolved 1.2.0");
        Assert.That(scan.IssuesRegressed, Is.EqualTo(expected == IssueStatus.Regressed ? 1 : 0));
        Assert.That(after.ResolvedAtVersion, expected == IssueStatus.Regressed ? Is.Null : Is.EqualTo("1.2.0"));
        Assert.That(after.Id, Is.EqualTo(issue.Id));
    }

    [TestCase(IssueStatus.New)]
    [TestCase(IssueStatus.InProgress)]
    [TestCase(IssueStatus.Silenced)]
    [TestCase(IssueStatus.Regressed)]
    public async Task Scan_IssueInOtherStatus_KeepsItsStatus(IssueStatus status)
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()) with { AppVersion = "1.0" });
        var issue = await _world.SingleIssueAsync();
        await _world.Issues.Store.WriteAsync(async w =>
        {
            await w.UpdateIssueAsync(issue with { Status = status });
            return 0;
        });

        await _world.SendAsync(Error("Crash", Guid.NewGuid()) with { AppVersion = "9.0" });

        Assert.That((await _world.SingleIssueAsync()).Status, Is.EqualTo(status));
    }

    [Test]
    public async Task Scan_SnoozedIssueOccursAgain_ReturnsToNewAndClearsSnoozedAt()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));
        var issue = await _world.SingleIssueAsync();
        await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Snoozed, null);

        var (_, scan) = await _world.SendAsync(Error("Crash", Guid.NewGuid()));

        var after = await _world.SingleIssueAsync();
        Assert.That(after.Status, Is.EqualTo(IssueStatus.New));
        Assert.That(after.SnoozedAt, Is.Null);
        Assert.That(scan.IssuesUnsnoozed, Is.EqualTo(1));
    }

    [Test]
    public async Task Scan_PatchCommitsBetweenScanReadAndWrite_UserDecisionWins()
    {
        var issue = await ResolvedIssueAsync("1.0");
        var store = new InterceptingIssueStore(_world.Issues.Store);
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions()));
        await _world.Issues.Ingestor.IngestAsync(_world.Source, [Error("Crash", Guid.NewGuid()) with { AppVersion = "2.0" }]);
        store.BeforeNextWrite = () => _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Silenced, null);

        var scan = await scanner.ScanAsync();

        var after = await _world.SingleIssueAsync();
        Assert.That(after.Status, Is.EqualTo(IssueStatus.Silenced), "the scan decided on the status at the moment of writing");
        Assert.That(scan.IssuesRegressed, Is.Zero);
        Assert.That(after.OccurrenceCount, Is.EqualTo(2), "the occurrence itself is still recorded");
    }

    [Test]
    public async Task Scan_UnsnoozeRacingWithManualChange_DoesNotOverwriteIt()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));
        var issue = await _world.SingleIssueAsync();
        await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Snoozed, null);
        var store = new InterceptingIssueStore(_world.Issues.Store);
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions()));
        await _world.Issues.Ingestor.IngestAsync(_world.Source, [Error("Crash", Guid.NewGuid())]);
        store.BeforeNextWrite = () => _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.InProgress, null);

        var scan = await scanner.ScanAsync();

        Assert.That((await _world.SingleIssueAsync()).Status, Is.EqualTo(IssueStatus.InProgress));
        Assert.That(scan.IssuesUnsnoozed, Is.Zero);
    }

    private async Task<Issue> ResolvedIssueAsync(string version)
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()) with { AppVersion = "1.0.0" });
        var issue = await _world.SingleIssueAsync();
        var resolved = await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Resolved, version);
        return resolved.Value.Issue;
    }
}
