using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task MergeOccurrences_SessionsTheTargetHas_DropsOnlyThoseOfTheSource()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var source = await InsertOccurrencesAsync(from, count: 4, distinctTimestamps: 4);
        var target = new[] { source[0], source[2] }.Select(o => new OccurrenceBuilder(to).InSession(o.SessionId).Build()).ToList();
        var sameSessionElsewhere = new OccurrenceBuilder(Guid.NewGuid()).InSession(source[0].SessionId).Build();
        await WriteAsync(writer => writer.InsertOccurrencesAsync([.. target, sameSessionElsewhere]));

        var summary = await Store.WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));

        var (merged, left, elsewhere) = await ReadAsync(async reader => (
            await reader.GetAllOccurrencesAsync(to), await reader.GetAllOccurrencesAsync(from), await reader.GetAllOccurrencesAsync(sameSessionElsewhere.IssueId)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(merged, Is.EquivalentTo(target.Concat(new[] { source[1], source[3] }.Select(o => o with { IssueId = to }))),
                "the target keeps its own occurrences and gains the source's of the sessions it did not have");
            Assert.That(left, Is.Empty, "the source still has occurrences");
            Assert.That(elsewhere, Is.EqualTo(new[] { sameSessionElsewhere }), "another issue's occurrence of a dropped session changed");
            Assert.That(summary.Count, Is.EqualTo(4), "the summary does not count the target's occurrences after the merge");
        }
    }

    [Test]
    public async Task MergeOccurrences_ToAnotherIssue_PagesEveryOccurrenceOnceNewestFirst()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var moved = await InsertOccurrencesAsync(from, count: 9, distinctTimestamps: 3);
        var kept = await InsertOccurrencesAsync(to, count: 5, distinctTimestamps: 3);

        await WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));

        var walked = new List<IssueOccurrence>();
        KeysetKey? after = null;
        IReadOnlyList<IssueOccurrence> page;
        do
        {
            page = await ReadAsync(reader => reader.ListOccurrencesAsync(to, after, 4));
            walked.AddRange(page);
            after = page.Count > 0 ? KeysetKey.Of(page[^1]) : after;
        }
        while (page.Count == 4);

        var expected = moved.Select(o => o with { IssueId = to }).Concat(kept).OrderByDescending(KeysetKey.Of);
        Assert.That(walked, Is.EqualTo(expected), "paging the merged issue 4 at a time did not give each occurrence once, newest first");
        Assert.That(await ReadAsync(reader => reader.HasOccurrenceInSessionAsync(to, moved[0].SessionId)), Is.True, "a moved session is not known to the target");
    }

    [Test]
    public async Task MergeOccurrences_Chain_GivesTheLastSurvivorEveryOccurrenceAndTheOthersNone()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var all = (await InsertOccurrencesAsync(first, 3, 3)).Concat(await InsertOccurrencesAsync(second, 2, 2)).Concat(await InsertOccurrencesAsync(third, 1, 1)).ToList();

        await WriteAsync(writer => writer.MergeOccurrencesAsync(first, second));
        await WriteAsync(writer => writer.MergeOccurrencesAsync(second, third));

        var (survivor, merged, mergedEarlier, firstSession) = await ReadAsync(async reader => (
            await reader.GetAllOccurrencesAsync(third), await reader.GetAllOccurrencesAsync(second), await reader.GetAllOccurrencesAsync(first),
            await reader.HasOccurrenceInSessionAsync(third, all[0].SessionId)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(survivor, Is.EquivalentTo(all.Select(o => o with { IssueId = third })), "the survivor lacks occurrences of the chain");
            Assert.That(merged, Is.Empty, "the issue merged second still has occurrences");
            Assert.That(mergedEarlier, Is.Empty, "the issue merged first still has occurrences");
            Assert.That(firstSession, Is.True, "a session of the issue merged first is not the survivor's");
        }
    }

    [Test]
    public async Task MergeOccurrences_ProbedAfterwards_TheSourcesSessionsAndUsersAreTheTargetsOnly()
    {
        var (from, to) = (Guid.NewGuid(), Guid.NewGuid());
        var moved = new OccurrenceBuilder(from).ForUser("moved").Build();
        var kept = new OccurrenceBuilder(to).ForUser("kept").Build();
        await WriteAsync(writer => writer.InsertOccurrencesAsync([moved, kept]));
        await WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));

        var (sessions, users, hasSession, hasUser, sourceHasSession, sourceHasUser) = await ReadAsync(async reader => (
            await reader.FindOccurrenceSessionsAsync([(to, moved.SessionId), (to, kept.SessionId), (from, moved.SessionId)]),
            await reader.FindOccurrenceUsersAsync([(to, "moved"), (to, "kept"), (from, "moved")]),
            await reader.HasOccurrenceInSessionAsync(to, moved.SessionId),
            await reader.HasOccurrenceOfUserAsync(to, "moved"),
            await reader.HasOccurrenceInSessionAsync(from, moved.SessionId),
            await reader.HasOccurrenceOfUserAsync(from, "moved")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sessions, Is.EquivalentTo(new[] { (to, moved.SessionId), (to, kept.SessionId) }), "the batch probe of sessions");
            Assert.That(users, Is.EquivalentTo(new[] { (to, "moved"), (to, "kept") }), "the batch probe of users");
            Assert.That((hasSession, hasUser), Is.EqualTo((true, true)), "the target does not have the moved session or user");
            Assert.That((sourceHasSession, sourceHasUser), Is.EqualTo((false, false)), "the source still has the moved session or user");
        }
    }

    [Test]
    public async Task InsertOccurrence_SessionMergedInFromAnotherIssue_ConflictsAndKeepsNothing()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var moved = new OccurrenceBuilder(from).Build();
        await WriteAsync(writer => writer.InsertOccurrencesAsync([moved, new OccurrenceBuilder(to).Build()]));
        await WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));
        var again = new OccurrenceBuilder(to).InSession(moved.SessionId).Build();

        Assert.That(() => WriteAsync(writer => writer.InsertOccurrencesAsync([again])), Throws.TypeOf<IssueStoreConflictException>());
        Assert.That(() => WriteAsync(writer => writer.InsertOccurrenceAsync(again)), Throws.TypeOf<IssueStoreConflictException>());
        Assert.That((await ReadAsync(reader => reader.GetAllOccurrencesAsync(to))).Count, Is.EqualTo(2), "a second occurrence of the session was stored");
    }

    [Test]
    public async Task MergeOccurrences_Summary_GivesTheRollupsOfAllTheTargetsOccurrences()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var shared = Guid.NewGuid();
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            new OccurrenceBuilder(first).At(TestTimes.At(1)).ForUser("ann").WithVersions(" ", null).Build(),
            new OccurrenceBuilder(first).At(TestTimes.At(2)).ForUser("bob").WithVersions("1.0.0", "3.1").Build(),
            new OccurrenceBuilder(first).At(TestTimes.At(9)).ForUser("gone").InSession(shared).WithVersions("9.0.0", "9.9").Build(),
            new OccurrenceBuilder(second).At(TestTimes.At(3)).ForUser(null).WithVersions(null, "3.2").Build(),
            new OccurrenceBuilder(second).At(TestTimes.At(5)).ForUser("ann").WithVersions("2.0.0", null).Build(),
            new OccurrenceBuilder(third).At(TestTimes.At(4)).ForUser("cy").InSession(shared).WithVersions("1.5.0", "3.3").Build(),
            new OccurrenceBuilder(third).At(TestTimes.At(6)).ForUser(null).WithVersions(null, null).Build(),
        ]));

        await WriteAsync(writer => writer.MergeOccurrencesAsync(first, second));
        var summary = await Store.WriteAsync(writer => writer.MergeOccurrencesAsync(second, third));

        var all = await ReadAsync(reader => reader.GetAllOccurrencesAsync(third));
        var issue = new IssueBuilder().Build();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Count, Is.EqualTo(6), "occurrences after dropping the session the target had");
            Assert.That(summary.UniqueUserCount, Is.EqualTo(3), "ann, bob and cy; the dropped occurrence's user is gone");
            Assert.That(IssueRollup.Apply(issue, summary), Is.EqualTo(IssueRollup.Recompute(issue, all)),
                "the summary's roll-ups differ from those of the occurrences themselves");
        }
    }

    [Test]
    public async Task MergeOccurrences_UnitFailsAfterwards_LeavesBothIssuesAsTheyWere()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var source = await InsertOccurrencesAsync(from, count: 3, distinctTimestamps: 3);
        var target = new OccurrenceBuilder(to).InSession(source[0].SessionId).Build();
        await WriteAsync(writer => writer.InsertOccurrenceAsync(target));

        await Assert.ThatAsync(
            () => WriteAsync(async writer =>
            {
                await writer.MergeOccurrencesAsync(from, to);
                throw new InvalidOperationException("the rest of the merge failed");
            }),
            Throws.InvalidOperationException);

        var after = await ReadAsync(async reader => (From: await reader.GetAllOccurrencesAsync(from), To: await reader.GetAllOccurrencesAsync(to), Session: await reader.HasOccurrenceInSessionAsync(to, source[1].SessionId)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.From, Is.EquivalentTo(source), "the source lost occurrences");
            Assert.That(after.To, Is.EqualTo(new[] { target }), "the target changed");
            Assert.That(after.Session, Is.False, "the target still sees a session of the rolled-back merge");
        }
    }

    [Test]
    public async Task MergeOccurrences_DroppedSessionWasItsUsersOnlyOne_TheUserIsNoLongerTheTargets()
    {
        var (from, to) = (Guid.NewGuid(), Guid.NewGuid());
        var session = Guid.NewGuid();
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            new OccurrenceBuilder(from).InSession(session).ForUser("gone").Build(),
            new OccurrenceBuilder(from).ForUser("kept").Build(),
            new OccurrenceBuilder(to).InSession(session).ForUser("target").Build(),
        ]));

        var (summary, userInUnit) = await Store.WriteAsync(async writer => (await writer.MergeOccurrencesAsync(from, to), await writer.HasOccurrenceOfUserAsync(to, "gone")));

        var after = await ReadAsync(async reader => (
            Gone: await reader.HasOccurrenceOfUserAsync(to, "gone"), Kept: await reader.HasOccurrenceOfUserAsync(to, "kept"), Session: await reader.HasOccurrenceInSessionAsync(to, session),
            Counts: await reader.CountOccurrencesByIssueAsync()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.UniqueUserCount, Is.EqualTo(2), "the target's users after the merge: kept and target");
            Assert.That(userInUnit, Is.False, "the merging unit still sees the user of the dropped occurrence");
            Assert.That(after.Gone, Is.False, "a later unit still sees the user of the dropped occurrence");
            Assert.That(after.Kept, Is.True, "the user of a moved occurrence is not the target's");
            Assert.That(after.Session, Is.True, "the shared session is no longer the target's");
            Assert.That(after.Counts, Is.EquivalentTo(new Dictionary<Guid, int> { [to] = 2 }), "integrity counts the dropped occurrence");
        }
    }

    [Test]
    public async Task MergeOccurrences_IssuesCreatedAndGrownInTheseUnits_CountsWhatTheUnitsWrote()
    {
        var (first, second, third) = (new IssueBuilder().Build(), new IssueBuilder().Build(), new IssueBuilder().Build());
        await InsertAllAsync([first, second, third]);
        var shared = Guid.NewGuid();
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            new OccurrenceBuilder(first.Id).InSession(shared).ForUser("ann").Build(),
            new OccurrenceBuilder(first.Id).ForUser("bob").Build(),
            new OccurrenceBuilder(second.Id).InSession(shared).ForUser("cy").Build(),
        ]));
        await WriteAsync(writer => writer.MergeOccurrencesAsync(first.Id, second.Id));
        var late = new OccurrenceBuilder(second.Id).ForUser("dee").Build();
        await WriteAsync(writer => writer.InsertOccurrenceAsync(late));
        await WriteAsync(writer => writer.InsertOccurrenceAsync(new OccurrenceBuilder(third.Id).InSession(shared).ForUser("eve").Build()));

        var summary = await Store.WriteAsync(writer => writer.MergeOccurrencesAsync(second.Id, third.Id));

        var all = await ReadAsync(reader => reader.GetAllOccurrencesAsync(third.Id));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Count, Is.EqualTo(3), "bob's, dee's and eve's occurrences; the shared session once");
            Assert.That(summary.UniqueUserCount, Is.EqualTo(3), "bob, dee and eve");
            Assert.That(all.Select(o => o.UserId), Is.EquivalentTo(new[] { "bob", "dee", "eve" }), "the survivor's occurrences");
        }
    }

    [Test]
    public async Task MergeOccurrences_UnitFailsAfterAMergeOfIssuesGrownInTheseUnits_TheNextMergeCountsTheStoredOccurrences()
    {
        var (from, to) = (new IssueBuilder().Build(), new IssueBuilder().Build());
        await InsertAllAsync([from, to]);
        var shared = Guid.NewGuid();
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            new OccurrenceBuilder(from.Id).InSession(shared).ForUser("gone").Build(),
            new OccurrenceBuilder(from.Id).ForUser("ann").Build(),
            new OccurrenceBuilder(to.Id).InSession(shared).ForUser("bob").Build(),
        ]));
        await Assert.ThatAsync(
            () => WriteAsync(async writer =>
            {
                await writer.MergeOccurrencesAsync(from.Id, to.Id);
                await writer.InsertOccurrenceAsync(new OccurrenceBuilder(to.Id).ForUser("never").Build());
                throw new InvalidOperationException("the rest of the merge failed");
            }),
            Throws.InvalidOperationException);

        var summary = await Store.WriteAsync(writer => writer.MergeOccurrencesAsync(from.Id, to.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Count, Is.EqualTo(2), "the retried merge counts occurrences of the failed unit, or misses some");
            Assert.That(summary.UniqueUserCount, Is.EqualTo(2), "ann and bob");
        }
    }
}
