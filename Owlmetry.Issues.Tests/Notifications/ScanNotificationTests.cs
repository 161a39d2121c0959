using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Notifications;

/// <summary>The <c>issue.new</c> notification of CONTRACT §9, recorded by the scan in its own unit of work.</summary>
public sealed class ScanNotificationTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [Test]
    public async Task Scan_OneNewIssue_RecordsOneNotificationForTheTeam()
    {
        await _world.SendAsync(Error("Connection refused", Guid.NewGuid()));

        var notification = (IssueNewNotification)(await NotificationsAsync()).Single();
        var issue = await _world.SingleIssueAsync();
        Assert.Multiple(() =>
        {
            Assert.That(notification.TeamId, Is.EqualTo(_world.TeamId));
            Assert.That(notification.Title, Is.EqualTo("1 new issue"));
            Assert.That(notification.Body, Is.EqualTo("Connection refused"));
            Assert.That(notification.Data.NewIssues, Is.EqualTo(new[] { new NotifiedIssue(issue.Id, "Connection refused", "API", "Shop") }));
            Assert.That(notification.Data.RegressedIssues, Is.Empty);
            Assert.That(issue.LastNotifiedAt, Is.EqualTo(_world.Clock.GetUtcNowMilliseconds()), "the notification mentioned it");
        });
    }

    [Test]
    public async Task Scan_NewIssue_Payload()
    {
        await _world.SendAsync(Error("Connection refused", Guid.NewGuid()), Error("Timeout", Guid.NewGuid()));

        Snapshot.Match(await PayloadAsync());
    }

    [Test]
    public async Task Scan_RegressedIssue_Payload()
    {
        await ResolveAsync(await NewIssueAsync("Checkout crashed", "1.0.0"), "1.2.0");

        await _world.SendAsync(Error("Checkout crashed", Guid.NewGuid()) with { AppVersion = "1.3.0" });

        var notification = (IssueNewNotification)(await NotificationsAsync()).Single();
        Assert.That(notification.Title, Is.EqualTo("1 regressed issue"));
        Snapshot.Match(await PayloadAsync());
    }

    [Test]
    public async Task Scan_UnsnoozedIssue_CountsAsNew()
    {
        var issue = await NewIssueAsync("Disk full");
        await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Snoozed, null);

        await _world.SendAsync(Error("Disk full", Guid.NewGuid()));

        var notification = (IssueNewNotification)(await NotificationsAsync()).Single();
        Assert.That(notification.Data.Counts, Is.EqualTo(new NotificationCounts(1, 0)));
        Assert.That(notification.Data.NewIssues.Single().Id, Is.EqualTo(issue.Id));
        Snapshot.Match(await PayloadAsync());
    }

    [Test]
    public async Task Scan_MixedBatchOfSixIssues_ListsThreeTitlesThenPlusMore()
    {
        await ResolveAsync(await NewIssueAsync("Checkout crashed", "1.0.0"), "1.2.0");
        var snoozed = await NewIssueAsync("Disk full");
        await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, snoozed.Id, IssueStatus.Snoozed, null);

        await _world.SendAsync(
            Error("Connection refused", Guid.NewGuid()),
            Error("Timeout", Guid.NewGuid()),
            Error("Checkout crashed", Guid.NewGuid()) with { AppVersion = "2.0.0" },
            Error("Disk full", Guid.NewGuid()),
            Error("Out of memory", Guid.NewGuid()),
            Error("Token expired", Guid.NewGuid()));

        var notification = (IssueNewNotification)(await NotificationsAsync()).Single();
        Assert.That(notification.Title, Is.EqualTo("5 new issues, 1 regressed"));
        Assert.That(notification.Body.Split('\n'), Is.EqualTo(new[] { "Connection refused", "Timeout", "Out of memory", "+3 more" }));
        Snapshot.Match(await PayloadAsync());
    }

    [TestCase(1, 0, "1 new issue")]
    [TestCase(2, 0, "2 new issues")]
    [TestCase(0, 1, "1 regressed issue")]
    [TestCase(0, 3, "3 regressed issues")]
    [TestCase(1, 1, "1 new issue, 1 regressed")]
    [TestCase(2, 5, "2 new issues, 5 regressed")]
    public void Counts_NewAndRegressed_SingularAndPlural(int newCount, int regressedCount, string expected) =>
        Assert.That(NotificationText.Counts(newCount, regressedCount), Is.EqualTo(expected));

    [TestCase(3, "a\nb\nc")]
    [TestCase(4, "a\nb\nc\n+1 more")]
    [TestCase(7, "a\nb\nc\n+4 more")]
    public void Body_Titles_UpToThreeThenPlusMore(int count, string expected) =>
        Assert.That(NotificationText.Body([.. "abcdefg".Take(count).Select(c => c.ToString())]), Is.EqualTo(expected));

    [Test]
    public async Task Scan_DevEvents_NeverNotify()
    {
        await _world.SendAsync(Error("Dev crash", Guid.NewGuid()) with { IsDev = true });
        var devIssue = await _world.SingleIssueAsync();
        await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, devIssue.Id, IssueStatus.Snoozed, null);

        await _world.SendAsync(Error("Dev crash", Guid.NewGuid()) with { IsDev = true });

        Assert.That(await NotificationsAsync(), Is.Empty);
        Assert.That((await _world.SingleIssueAsync()).LastNotifiedAt, Is.Null);
    }

    [Test]
    public async Task Scan_OccurrencesOfKnownIssues_NotifyNothing()
    {
        await NewIssueAsync("Crash");
        var before = await NotificationsAsync();

        await _world.SendAsync(Error("Crash", Guid.NewGuid()));

        Assert.That(await NotificationsAsync(), Has.Count.EqualTo(before.Count));
    }

    [Test]
    public async Task Scan_IssuesOfTwoTeams_OneNotificationPerTeam()
    {
        var otherTeam = Guid.NewGuid();
        var otherApp = _world.Issues.AddApp(_world.Issues.AddProject(otherTeam, "Elsewhere").Id, "Web");
        await _world.Issues.Ingestor.IngestAsync(new IngestSource(otherApp.Id, otherApp.ProjectId, "backend"), [Error("Other crash", Guid.NewGuid())]);

        await _world.SendAsync(Error("Crash", Guid.NewGuid()));

        var notifications = (await NotificationsAsync()).Cast<IssueNewNotification>().ToDictionary(n => n.TeamId);
        Assert.That(notifications.Keys, Is.EquivalentTo(new[] { _world.TeamId, otherTeam }));
        Assert.That(notifications[otherTeam].Data.NewIssues.Single(), Has.Property("ProjectName").EqualTo("Elsewhere").And.Property("AppName").EqualTo("Web"));
    }

    [Test]
    public async Task Scan_ProjectGoneFromDirectory_RecordsNothingForIt()
    {
        _world.Issues.Directory.RemoveProject(_world.Project.Id);

        await _world.SendAsync(Error("Crash", Guid.NewGuid()));

        Assert.That(await NotificationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Scan_BatchFailsAndIsRetried_EachIssueNotifiedExactlyOnce()
    {
        await _world.Issues.Ingestor.IngestAsync(_world.Source, [Error("First", Guid.NewGuid()), Error("Second", Guid.NewGuid())]);
        var store = new InterceptingIssueStore(_world.Issues.Store);
        var scanner = new IssueScanner(
            store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 1 }), _world.Issues.Recorder);

        // The first batch commits; the second crashes before its commit.
        store.BeforeNextWrite = () =>
        {
            store.BeforeNextWrite = () =>
            {
                store.FailNextWriteAfterWork = true;
                return Task.CompletedTask;
            };
            return Task.CompletedTask;
        };
        Assert.That(() => scanner.ScanAsync(), Throws.TypeOf<IOException>());
        var afterCrash = await NotificationsAsync();
        await scanner.ScanAsync();
        await scanner.ScanAsync();

        var listed = (await NotificationsAsync()).Cast<IssueNewNotification>().SelectMany(n => n.Data.NewIssues).Select(i => i.Title).ToList();
        Assert.That(afterCrash, Has.Count.EqualTo(1), "the crashed batch's notification rolled back with it");
        Assert.That(listed, Is.EquivalentTo(new[] { "First", "Second" }));
    }

    private async Task<Issue> NewIssueAsync(string message, string? appVersion = null)
    {
        await _world.SendAsync(Error(message, Guid.NewGuid()) with { AppVersion = appVersion });
        var issue = (await _world.AllIssuesAsync()).Single(i => i.Title == message);
        await DispatchAllAsync();
        return issue;
    }

    private async Task ResolveAsync(Issue issue, string version)
    {
        var resolved = await _world.Issues.Service.ChangeStatusAsync(_world.Owner, _world.Project.Id, issue.Id, IssueStatus.Resolved, version);
        Assert.That(resolved.IsSuccess, Is.True);
    }

    /// <summary>Settles what earlier steps recorded, so the pending outbox holds only what the step under test recorded.</summary>
    private Task DispatchAllAsync() => _world.Issues.Notifications.DispatchPendingAsync();

    private async Task<IReadOnlyList<IssueNotification>> NotificationsAsync() =>
        (await _world.Issues.Store.ReadAsync(r => r.ListPendingNotificationsAsync(100))).Select(NotificationJson.Deserialize).ToList();

    private async Task<JToken> PayloadAsync()
    {
        var entry = (await _world.Issues.Store.ReadAsync(r => r.ListPendingNotificationsAsync(100))).Single();
        return JsonSnapshot.Scrub(entry.Payload);
    }
}
