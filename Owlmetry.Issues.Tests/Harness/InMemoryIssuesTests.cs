using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Harness;

/// <summary>The test harness applications get: what a test of theirs can rely on.</summary>
public sealed class InMemoryIssuesTests
{
    private static readonly Guid s_teamId = Guid.NewGuid();

    private readonly InMemoryIssues _issues = new(new FakeTimeProvider(TestTimes.ClockStart));

    private static Actor Admin => Actor.User(Guid.NewGuid(), "Jane Doe", new Dictionary<Guid, TeamRole> { [s_teamId] = TeamRole.Admin });

    [Test]
    public async Task IngestAndScanAsync_AnAppleApp_TakesTheEnvironmentsOfItsPlatform()
    {
        var app = _issues.AddApp(_issues.AddProject(s_teamId).Id, "iOS App", platform: "apple");

        var (ingest, scan) = await _issues.IngestAndScanAsync(app, [Crash("ios")]);

        Assert.That(ingest.Errors, Is.Empty, "an iOS app's event that names its environment");
        Assert.That(scan.IssuesCreated, Is.EqualTo(1));
    }

    [Test]
    public async Task IngestAndScanAsync_ABackendApp_RefusesAnotherPlatformsEnvironment()
    {
        var app = _issues.AddApp(_issues.AddProject(s_teamId).Id);

        var (ingest, _) = await _issues.IngestAndScanAsync(app, [Crash("ios")]);

        Assert.That(ingest.Errors.Select(e => e.Message), Is.EqualTo(new[] { "events[0]: environment 'ios' is not allowed for platform 'backend'" }));
    }

    [Test]
    public async Task IngestAndScanAsync_ACustomFingerprintStrategy_GroupsTheEventsByIt()
    {
        var issues = new InMemoryIssues(new FakeTimeProvider(TestTimes.ClockStart), fingerprintStrategy: new ByModuleFingerprints());
        var app = issues.AddApp(issues.AddProject(s_teamId).Id);

        await issues.IngestAndScanAsync(app, [
            Crash("backend") with { SourceModule = "Payments" },
            Crash("backend") with { Message = "Timeout after 10 s", SourceModule = "Payments" },
            Crash("backend") with { SourceModule = "Search" }]);
        var listed = await issues.Service.ListAsync(Admin, app.ProjectId, new IssueQuery());

        Assert.That(listed.Value.Issues.Select(i => i.Issue.Title), Is.EquivalentTo(new[] { "Payments failed", "Search failed" }),
            "one issue per module, titled by the strategy, whatever the messages");
    }

    [Test]
    public async Task SeedIssueAsync_UnderAFrozenClock_ListsInTheOrderSeeded()
    {
        var app = _issues.AddApp(_issues.AddProject(s_teamId).Id);
        string[] titles = ["A", "B", "C", "D", "E"];
        foreach (var title in titles)
        {
            await _issues.SeedIssueAsync(new IssueSeed(app.Id, title));
        }

        var listed = await _issues.Service.ListAsync(Admin, app.ProjectId, new IssueQuery());

        Assert.That(listed.Value.Issues.Select(i => i.Issue.Title), Is.EqualTo(titles.Reverse()),
            "issues seen at the same instant, newest id first, as every run");
    }

    [Test]
    public async Task SeedIssueAsync_AResolvedIssue_RegressesWhenItsErrorComesBackInANewerVersion()
    {
        var app = _issues.AddApp(_issues.AddProject(s_teamId).Id);
        var seeded = await _issues.SeedIssueAsync(new IssueSeed(app.Id, "Connection refused") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });

        var (_, scan) = await _issues.IngestAndScanAsync(app, [Crash("backend") with { AppVersion = "1.1" }]);
        var detail = await _issues.Service.GetAsync(Admin, app.ProjectId, seeded.Id, new OccurrencePageRequest());

        Assert.That(scan, Is.EqualTo(new IssueScanResult(EventsProcessed: 1, IssuesCreated: 0, IssuesRegressed: 1, IssuesUnsnoozed: 0, OccurrencesCreated: 1)),
            "the seeded issue stands as the scan would have left it: its error joins it instead of opening another issue");
        Assert.That(detail.Value.Item.Issue.Status, Is.EqualTo(IssueStatus.Regressed));
    }

    [Test]
    public async Task SeedIssueAsync_ACustomFingerprintStrategy_KeysTheSeedAsTheScanWould()
    {
        var issues = new InMemoryIssues(new FakeTimeProvider(TestTimes.ClockStart), fingerprintStrategy: new ByModuleFingerprints());
        var app = issues.AddApp(issues.AddProject(s_teamId).Id);
        await issues.SeedIssueAsync(new IssueSeed(app.Id, "Payments failed") { SourceModule = "Payments" });

        var (_, scan) = await issues.IngestAndScanAsync(app, [Crash("backend") with { SourceModule = "Payments" }]);

        Assert.That(scan.IssuesCreated, Is.Zero, "the module's error joins the issue seeded for the module");
    }

    private static IncomingEvent Crash(string environment) =>
        new() { Message = "Connection refused", Level = "error", SessionId = Guid.NewGuid().ToString(), Environment = environment };

    // An application's own grouping: every error of a module is one issue.
    private sealed class ByModuleFingerprints : IFingerprintStrategy
    {
        public Fingerprint Compute(FingerprintInput input) =>
            new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.SourceModule ?? ""))), $"{input.SourceModule} failed");
    }
}
