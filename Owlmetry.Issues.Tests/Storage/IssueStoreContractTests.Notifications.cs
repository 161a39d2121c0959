using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task AddNotification_RoundTripsEveryFieldAndIsPending()
    {
        var entry = Outbox(TestTimes.Base) with { Payload = "{\"type\":\"issue.new\",\"title\":\"  spaced  \"}" };

        await WriteAsync(w => w.AddNotificationAsync(entry));

        Assert.That(await ReadAsync(r => r.FindNotificationAsync(entry.Id)), Is.EqualTo(entry));
        Assert.That(await ReadAsync(r => r.ListPendingNotificationsAsync(10)), Is.EqualTo(new[] { entry }));
    }

    [Test]
    public async Task AddNotification_SameIdTwice_ConflictsAndRollsBackTheUnit()
    {
        var entry = Outbox(TestTimes.Base);
        await WriteAsync(w => w.AddNotificationAsync(entry));
        var other = Outbox(TestTimes.At(1));

        Assert.That(() => WriteAsync(async w =>
        {
            await w.AddNotificationAsync(other);
            await w.AddNotificationAsync(entry with { Payload = "{}" });
        }), Throws.TypeOf<IssueStoreConflictException>());

        Assert.That(await ReadAsync(r => r.FindNotificationAsync(other.Id)), Is.Null);
        Assert.That((await ReadAsync(r => r.FindNotificationAsync(entry.Id)))!.Payload, Is.EqualTo(entry.Payload));
    }

    [Test]
    public async Task ListPendingNotifications_OldestFirstWithoutSettledOnesUpToTake()
    {
        var entries = Enumerable.Range(0, 5).Select(i => Outbox(TestTimes.At(10 - i))).ToList();
        await WriteAsync(async w =>
        {
            foreach (var entry in entries)
            {
                await w.AddNotificationAsync(entry);
            }
        });
        var dispatched = entries[4] with { Status = NotificationDispatchStatus.Dispatched, DispatchedAt = TestTimes.At(20) };
        var failed = entries[2] with { Status = NotificationDispatchStatus.Failed, Attempts = 5, LastError = "boom", DispatchedAt = TestTimes.At(21) };

        await WriteAsync(async w =>
        {
            await w.UpdateNotificationAsync(dispatched);
            await w.UpdateNotificationAsync(failed);
        });

        var pending = await ReadAsync(r => r.ListPendingNotificationsAsync(2));
        Assert.That(pending.Select(n => n.Id), Is.EqualTo(new[] { entries[3].Id, entries[1].Id }));
        Assert.That(await ReadAsync(r => r.ListPendingNotificationsAsync(10)), Has.Count.EqualTo(3));
        Assert.That(await ReadAsync(r => r.FindNotificationAsync(failed.Id)), Is.EqualTo(failed));
    }

    [Test]
    public async Task UpdateNotification_AttemptBackToPending_IsListedAgain()
    {
        var entry = Outbox(TestTimes.Base);
        await WriteAsync(w => w.AddNotificationAsync(entry));

        await WriteAsync(w => w.UpdateNotificationAsync(entry with { Attempts = 1, LastError = "handler failed" }));

        var pending = (await ReadAsync(r => r.ListPendingNotificationsAsync(10))).Single();
        Assert.That((pending.Attempts, pending.LastError), Is.EqualTo((1, "handler failed")));
    }

    [Test]
    public async Task DeleteNotificationsSettledBefore_KeepsPendingAndRecentOnes()
    {
        var oldPending = Outbox(TestTimes.At(0));
        var oldSettled = Outbox(TestTimes.At(1)) with { Status = NotificationDispatchStatus.Dispatched, DispatchedAt = TestTimes.At(2) };
        var oldFailed = Outbox(TestTimes.At(2)) with { Status = NotificationDispatchStatus.Failed, DispatchedAt = TestTimes.At(3) };
        var newSettled = Outbox(TestTimes.At(100)) with { Status = NotificationDispatchStatus.Dispatched, DispatchedAt = TestTimes.At(101) };
        await WriteAsync(async w =>
        {
            foreach (var entry in new[] { oldPending, oldSettled, oldFailed, newSettled })
            {
                await w.AddNotificationAsync(entry);
            }
        });

        var deleted = await Store.WriteAsync(w => w.DeleteNotificationsSettledBeforeAsync(TestTimes.At(50)));

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(await ReadAsync(r => r.FindNotificationAsync(oldPending.Id)), Is.Not.Null);
        Assert.That(await ReadAsync(r => r.FindNotificationAsync(newSettled.Id)), Is.Not.Null);
        Assert.That(await ReadAsync(r => r.FindNotificationAsync(oldSettled.Id)), Is.Null);
    }

    [Test]
    public async Task ListIssuesAwaitingDigest_ProductionNewOrRegressedWithActivitySinceNotified_MostRecentFirst()
    {
        var notifiedAt = TestTimes.At(100);
        var neverNotified = Digestable("never notified", TestTimes.At(10));
        var activeSince = Digestable("active since", TestTimes.At(200)) with { LastNotifiedAt = notifiedAt, Status = IssueStatus.Regressed };
        var quietSince = Digestable("quiet since", notifiedAt) with { LastNotifiedAt = notifiedAt };
        var dev = Digestable("dev", TestTimes.At(300)) with { IsDev = true };
        var resolved = Digestable("resolved", TestTimes.At(300)) with { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" };
        var inProgress = Digestable("in progress", TestTimes.At(300)) with { Status = IssueStatus.InProgress };
        var elsewhere = Digestable("elsewhere", TestTimes.At(300)) with { ProjectId = TestIds.OtherProject };
        await InsertAllAsync([neverNotified, activeSince, quietSince, dev, resolved, inProgress, elsewhere]);

        var listed = await ReadAsync(r => r.ListIssuesAwaitingDigestAsync(TestIds.Project, 10));
        var firstOnly = await ReadAsync(r => r.ListIssuesAwaitingDigestAsync(TestIds.Project, 1));
        var projects = await ReadAsync(r => r.ListProjectsAwaitingDigestAsync());

        Assert.That(listed.Select(i => i.Title), Is.EqualTo(new[] { "active since", "never notified" }));
        Assert.That(listed[0] with { Fingerprints = activeSince.Fingerprints }, Is.EqualTo(activeSince));
        Assert.That(firstOnly.Select(i => i.Title), Is.EqualTo(new[] { "active since" }));
        Assert.That(projects, Is.EquivalentTo(new[] { TestIds.Project, TestIds.OtherProject }));
    }

    [Test]
    public async Task ListIssuesAwaitingDigest_AfterStampingLastNotifiedAt_IsEmptyUntilTheNextChange()
    {
        var issue = await InsertAsync(Digestable("crash", TestTimes.At(10)));

        await WriteAsync(w => w.UpdateIssueAsync(issue with { LastNotifiedAt = TestTimes.At(20) }));
        var afterStamp = await ReadAsync(async r => (await r.ListIssuesAwaitingDigestAsync(TestIds.Project, 10), await r.ListProjectsAwaitingDigestAsync()));
        await WriteAsync(w => w.UpdateIssueAsync(issue with { LastNotifiedAt = TestTimes.At(20), UpdatedAt = TestTimes.At(30) }));
        var afterChange = await ReadAsync(r => r.ListIssuesAwaitingDigestAsync(TestIds.Project, 10));

        Assert.That(afterStamp.Item1, Is.Empty);
        Assert.That(afterStamp.Item2, Is.Empty);
        Assert.That(afterChange.Select(i => i.Id), Is.EqualTo(new[] { issue.Id }));
    }

    [Test]
    public async Task LastDigestAt_NullUntilSetThenKeptPerProjectAndRolledBackWithItsUnit()
    {
        var before = await ReadAsync(r => r.GetLastDigestAtAsync(TestIds.Project));

        await WriteAsync(w => w.SetLastDigestAtAsync(TestIds.Project, TestTimes.At(1)));
        await WriteAsync(w => w.SetLastDigestAtAsync(TestIds.Project, TestTimes.At(2)));
        Assert.That(() => WriteAsync(async w =>
        {
            await w.SetLastDigestAtAsync(TestIds.Project, TestTimes.At(3));
            await w.SetLastDigestAtAsync(TestIds.OtherProject, TestTimes.At(3));
            throw new IOException("crash before commit");
        }), Throws.TypeOf<IOException>());

        Assert.That(before, Is.Null);
        Assert.That(await ReadAsync(r => r.GetLastDigestAtAsync(TestIds.Project)), Is.EqualTo(TestTimes.At(2)));
        Assert.That(await ReadAsync(r => r.GetLastDigestAtAsync(TestIds.OtherProject)), Is.Null);
    }

    private static OutboxNotification Outbox(DateTimeOffset createdAt) => new()
    {
        Id = Guid.NewGuid(),
        Type = NotificationTypes.IssueNew,
        TeamId = Guid.NewGuid(),
        Payload = "{\"type\":\"issue.new\"}",
        CreatedAt = createdAt,
    };

    private static Issue Digestable(string title, DateTimeOffset updatedAt) =>
        new IssueBuilder().WithTitle(title).WithUpdatedAt(updatedAt).Build();
}
