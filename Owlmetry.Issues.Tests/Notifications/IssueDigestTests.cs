using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Notifications;

/// <summary>The per-project digest of CONTRACT §9, on a fake clock.</summary>
public sealed class IssueDigestTests
{
    private readonly Guid _teamId = Guid.NewGuid();
    private FakeTimeProvider _clock = null!;
    private InMemoryIssues _issues = null!;
    private RecordingNotificationHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(TestTimes.ClockStart);
        _issues = new InMemoryIssues(_clock);
        _handler = new RecordingNotificationHandler();
        _issues.NotificationHandlers.Add(_handler);
    }

    [Test]
    public async Task RunDueAsync_HourlyProject_AtMostOneDigestPerHourAndOnlyWithActivity()
    {
        var app = AppOf(IssueAlertFrequency.Hourly);
        var issue = await SeedAsync(app, "Crash");

        var first = await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        await TouchAsync(issue.Id);
        _clock.Advance(TimeSpan.FromMinutes(20));
        var tooSoon = await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(30));
        var anHourLater = await RunAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        var nothingNew = await RunAsync();

        Assert.That((first, tooSoon, anHourLater, nothingNew), Is.EqualTo((1, 0, 1, 0)));
        Assert.That(_handler.Received.Select(n => n.CreatedAt), Is.EqualTo(new[] { TestTimes.ClockStart, TestTimes.ClockStart.AddHours(1) }));
    }

    [TestCase(IssueAlertFrequency.SixHourly, 6)]
    [TestCase(IssueAlertFrequency.Daily, 24)]
    [TestCase(IssueAlertFrequency.Weekly, 168)]
    [TestCase(null, 24)]
    public async Task RunDueAsync_Frequency_WaitsItsPeriodBetweenDigests(IssueAlertFrequency? frequency, int hours)
    {
        var issue = await SeedAsync(AppOf(frequency), "Crash");
        await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await TouchAsync(issue.Id);

        _clock.Advance(TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
        var justBefore = await RunAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var onTime = await RunAsync();

        Assert.That((justBefore, onTime), Is.EqualTo((0, 1)));
    }

    [Test]
    public async Task RunDueAsync_FrequencyNone_NeverDigests()
    {
        await SeedAsync(AppOf(IssueAlertFrequency.None), "Crash");

        _clock.Advance(TimeSpan.FromDays(30));

        Assert.That(await RunAsync(), Is.Zero);
    }

    [Test]
    public async Task RunDueAsync_ListsProductionNewAndRegressedOnly_AndStampsLastNotifiedAt()
    {
        var app = AppOf(IssueAlertFrequency.Daily);
        var fresh = await SeedAsync(app, "Fresh crash", users: 2);
        var regressed = await SeedAsync(app, "Back again", IssueStatus.Regressed);
        var resolved = await SeedAsync(app, "Fixed", IssueStatus.Resolved, resolvedAtVersion: "1.0");
        var dev = await _issues.SeedIssueAsync(new IssueSeed(app.Id, "Dev only") { IsDev = true });

        await RunAsync();

        var digest = (IssueDigestNotification)_handler.Received.Single();
        Assert.That(digest.TeamId, Is.EqualTo(_teamId));
        Assert.That(digest.Data.ProjectId, Is.EqualTo(app.ProjectId));
        Assert.That(digest.Data.Issues.Select(i => i.Id), Is.EquivalentTo(new[] { fresh.Id, regressed.Id }));
        var stamped = new List<DateTimeOffset?>();
        foreach (var issue in new[] { fresh, regressed, resolved, dev })
        {
            stamped.Add((await _issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id)))!.LastNotifiedAt);
        }

        Assert.That(stamped, Is.EqualTo(new DateTimeOffset?[] { TestTimes.ClockStart, TestTimes.ClockStart, null, null }));
    }

    [Test]
    public async Task RunDueAsync_Digest_Payload()
    {
        var app = AppOf(IssueAlertFrequency.Hourly);
        await SeedAsync(app, "Fresh crash", users: 2);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await SeedAsync(app, "Back again", IssueStatus.Regressed);

        await RunAsync();

        var entry = await _issues.Store.ReadAsync(r => r.FindNotificationAsync(_handler.Received.Single().Id));
        Snapshot.Match(JsonSnapshot.Scrub(entry!.Payload));
    }

    [Test]
    public async Task RunDueAsync_ManyIssues_ListsTheMostRecentlyActiveUpToTheLimit()
    {
        _issues = new InMemoryIssues(_clock, notificationOptions: new NotificationOptions { DigestIssueLimit = 2 });
        _issues.NotificationHandlers.Add(_handler);
        var app = AppOf(IssueAlertFrequency.Hourly);
        foreach (var title in new[] { "one", "two", "three" })
        {
            await SeedAsync(app, title);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await RunAsync();

        var digest = (IssueDigestNotification)_handler.Received.Single();
        Assert.That(digest.Data.Issues.Select(i => i.Title), Is.EqualTo(new[] { "three", "two" }));
        Assert.That(digest.Title, Is.EqualTo("Shop: 2 new issues"));
        Assert.That(await _issues.Store.ReadAsync(r => r.ListIssuesAwaitingDigestAsync(app.ProjectId, 10)).ContinueWith(t => t.Result.Select(i => i.Title)),
            Is.EqualTo(new[] { "one" }), "the rest waits for the next digest");
    }

    [Test]
    public async Task RunDueAsync_IssueJustAnnouncedByTheScan_IsNotRepeated()
    {
        var app = AppOf(IssueAlertFrequency.Hourly);
        await _issues.IngestAndScanAsync(app, [ScanWorld.Error("Crash", Guid.NewGuid())]);

        await RunAsync();

        Assert.That(_handler.Received.Select(n => n.Type), Is.EqualTo(new[] { NotificationTypes.IssueNew }));
    }

    private AppInfo AppOf(IssueAlertFrequency? frequency) =>
        _issues.AddApp(_issues.AddProject(_teamId, "Shop", frequency).Id, "iOS App");

    private async Task<Issue> SeedAsync(
        AppInfo app, string title, IssueStatus status = IssueStatus.New, int users = 1, string? resolvedAtVersion = null) =>
        await _issues.SeedIssueAsync(new IssueSeed(app.Id, title)
        {
            Status = status,
            ResolvedAtVersion = resolvedAtVersion,
            Occurrences = [.. Enumerable.Range(0, users).Select(i => new OccurrenceSeed { UserId = $"user-{i}" })],
        });

    /// <summary>A change after the last digest: what a new occurrence or a comment does to <c>updated_at</c>.</summary>
    private Task TouchAsync(Guid issueId) => _issues.Store.WriteAsync(async w =>
    {
        await w.UpdateIssueAsync((await w.FindIssueAsync(issueId))! with { UpdatedAt = _clock.GetUtcNowMilliseconds() });
        return true;
    });

    private async Task<int> RunAsync()
    {
        var recorded = await _issues.Digests.RunDueAsync();
        await _issues.Notifications.DispatchPendingAsync();
        return recorded;
    }
}
