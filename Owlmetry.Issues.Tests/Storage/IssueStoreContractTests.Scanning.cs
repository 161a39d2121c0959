using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task AppendEvent_SeveralUnits_GivesIncreasingSequencesAndRoundTripsEveryField()
    {
        var first = Event("first") with
        {
            ClientEventId = Guid.NewGuid(), UserId = "u1", SourceModule = "Net", ScreenName = "Home", Environment = "ios",
            OsVersion = "17.2", AppVersion = "2.0", SdkName = "owlmetry-swift", SdkVersion = "0.1", BuildNumber = "77",
            DeviceModel = "iPhone15,2", IsDev = true, CountryCode = "DE",
            CustomAttributes = new Dictionary<string, string> { ["_http.url"] = "https://x/y", ["$weird key"] = "  spaced  ", ["empty"] = "" },
        };

        var s1 = await Store.WriteAsync(w => w.AppendEvent(first));
        var (s2, s3) = await Store.WriteAsync(w => (w.AppendEvent(Event("second")), w.AppendEvent(Event("third"))));

        var stored = await ReadAsync(r => r.ListEventsAfter(0, 10));
        Assert.That((s1, s2, s3), Is.EqualTo((1L, 2L, 3L)));
        Assert.That(stored.Select(e => e.Message), Is.EqualTo(new[] { "first", "second", "third" }));
        var roundTripped = stored[0];
        Assert.That(roundTripped with { CustomAttributes = first.CustomAttributes }, Is.EqualTo(first with { Sequence = 1 }));
        Assert.That(roundTripped.CustomAttributes, Is.EquivalentTo(first.CustomAttributes));
    }

    [Test]
    public async Task ListEventsAfter_Sequence_ReturnsLaterEventsInOrderUpToTake()
    {
        await WriteAsync(w =>
        {
            for (var i = 0; i < 10; i++)
            {
                w.AppendEvent(Event($"e{i}"));
            }
        });

        var page = await ReadAsync(r => r.ListEventsAfter(4, 3));

        Assert.That(page.Select(e => e.Sequence), Is.EqualTo(new[] { 5L, 6L, 7L }));
    }

    [Test]
    public async Task ScanCheckpoint_StartsAtZeroAndKeepsWhatWasSet()
    {
        var before = await ReadAsync(r => r.GetScanCheckpoint());

        await WriteAsync(w => w.SetScanCheckpoint(42));

        Assert.That(before, Is.Zero);
        Assert.That(await ReadAsync(r => r.GetScanCheckpoint()), Is.EqualTo(42));
    }

    [Test]
    public async Task DeleteScannedEventsReceivedBefore_KeepsUnscannedAndRecentAndNeverReusesSequences()
    {
        var old = TestTimes.Base;
        await WriteAsync(w =>
        {
            w.AppendEvent(Event("old scanned") with { ReceivedAt = old });
            w.AppendEvent(Event("old scanned too") with { ReceivedAt = old });
            w.AppendEvent(Event("old pending") with { ReceivedAt = old });
            w.SetScanCheckpoint(2);
        });

        var deleted = await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBefore(old.AddDays(1)));
        await WriteAsync(w => w.SetScanCheckpoint(3));
        await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBefore(old.AddDays(1)));
        var next = await Store.WriteAsync(w => w.AppendEvent(Event("new")));

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(next, Is.EqualTo(4), "a sequence is never given twice, even after every stored event was deleted");
        Assert.That(await ReadAsync(r => r.GetLastEventSequence()), Is.EqualTo(4));
    }

    [Test]
    public async Task DeleteScannedEventsReceivedBefore_ClockSteppedBack_KeepsAnExpiredEventBehindARecentOneUntilThatOneExpires()
    {
        var old = TestTimes.Base;
        await WriteAsync(w =>
        {
            w.AppendEvent(Event("old") with { ReceivedAt = old });
            w.AppendEvent(Event("recent") with { ReceivedAt = old.AddDays(10) });
            w.AppendEvent(Event("old again") with { ReceivedAt = old });
            w.SetScanCheckpoint(3);
        });

        var first = await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBefore(old.AddDays(1)));
        var kept = await ReadAsync(r => r.ListEventsAfter(0, 10));
        var later = await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBefore(old.AddDays(11)));

        Assert.That(first, Is.EqualTo(1));
        Assert.That(kept.Select(e => e.Message), Is.EqualTo(new[] { "recent", "old again" }));
        Assert.That(later, Is.EqualTo(2));
    }

    [Test]
    public async Task RecordClientEvent_Twice_ConflictsAndRollsBackTheUnit()
    {
        var appId = Guid.NewGuid();
        var clientId = Guid.NewGuid();
        await WriteAsync(w => w.RecordClientEvent(appId, clientId));

        Assert.That(() => WriteAsync(w =>
        {
            w.AppendEvent(Event("lost"));
            w.RecordClientEvent(appId, clientId);
        }), Throws.TypeOf<IssueStoreConflictException>());

        var (known, otherApp, events) = await ReadAsync(r => (r.HasClientEvent(appId, clientId), r.HasClientEvent(Guid.NewGuid(), clientId), r.ListEventsAfter(0, 10)));
        Assert.That(known, Is.True);
        Assert.That(otherApp, Is.False);
        Assert.That(events, Is.Empty, "the unit with the duplicate rolled back whole");
    }

    [Test]
    public async Task AppendEvents_Bulk_GivesConsecutiveSequencesInOrderAfterEarlierOnes()
    {
        await WriteAsync(w => w.AppendEvent(Event("before")));

        var sequences = await Store.WriteAsync(w => w.AppendEvents([Event("a"), Event("b"), Event("c")]));

        Assert.That(sequences, Is.EqualTo(new[] { 2L, 3L, 4L }));
        Assert.That((await ReadAsync(r => r.ListEventsAfter(1, 10))).Select(e => (e.Message, e.Sequence)), Is.EqualTo(new[] { ("a", 2L), ("b", 3L), ("c", 4L) }));
        Assert.That(await Store.WriteAsync(w => w.AppendEvent(Event("after"))), Is.EqualTo(5));
    }

    [Test]
    public async Task RecordClientEvents_OneAlreadyRecorded_ConflictsAndRollsBackTheUnit()
    {
        var appId = Guid.NewGuid();
        var (stored, fresh) = (Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(w => w.RecordClientEvents(appId, [stored]));

        Assert.That(() => WriteAsync(w => w.RecordClientEvents(appId, [fresh, stored])), Throws.TypeOf<IssueStoreConflictException>());

        Assert.That(await ReadAsync(r => r.FindClientEvents(appId, [stored, fresh])), Is.EquivalentTo(new[] { stored }));
    }

    [Test]
    public async Task FindClientEvents_ReturnsTheRecordedIdsOfThatAppOnly_IncludingOnesRecordedEarlierInTheUnit()
    {
        var appId = Guid.NewGuid();
        var (stored, sameUnit, unknown, otherApp) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(w =>
        {
            w.RecordClientEvent(appId, stored);
            w.RecordClientEvent(Guid.NewGuid(), otherApp);
        });

        var found = await Store.WriteAsync(w =>
        {
            w.RecordClientEvent(appId, sameUnit);
            return w.FindClientEvents(appId, [stored, sameUnit, unknown, otherApp, stored]);
        });

        Assert.That(found, Is.EquivalentTo(new[] { stored, sameUnit }));
        Assert.That(await ReadAsync(r => r.FindClientEvents(appId, [])), Is.Empty);
    }

    [Test]
    public async Task HasOccurrenceOfUser_FollowsOccurrencesThroughMerges()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        await WriteAsync(w =>
        {
            w.InsertOccurrence(new OccurrenceBuilder(from).ForUser("alice").Build());
            w.InsertOccurrence(new OccurrenceBuilder(from).ForUser(null).Build());
        });

        var before = await ReadAsync(r => (r.HasOccurrenceOfUser(from, "alice"), r.HasOccurrenceOfUser(to, "alice"), r.HasOccurrenceOfUser(from, "bob")));
        await WriteAsync(w => w.MergeOccurrences(from, to));
        var after = await ReadAsync(r => (r.HasOccurrenceOfUser(from, "alice"), r.HasOccurrenceOfUser(to, "alice")));

        Assert.That(before, Is.EqualTo((true, false, false)));
        Assert.That(after, Is.EqualTo((false, true)));
    }

    [Test]
    public async Task SaveScanRun_UpsertsAndListsNewestFirst()
    {
        var older = new ScanRun { Id = Guid.NewGuid(), Status = ScanRunStatus.Running, StartedAt = TestTimes.Base };
        var newer = new ScanRun { Id = Guid.NewGuid(), Status = ScanRunStatus.Running, StartedAt = TestTimes.At(1), TriggeredByTeamId = Guid.NewGuid() };
        await WriteAsync(w =>
        {
            w.SaveScanRun(older);
            w.SaveScanRun(newer);
        });
        var completed = older with { Status = ScanRunStatus.Completed, CompletedAt = TestTimes.At(2), Result = new IssueScanResult(5, 1, 0, 0, 5) };

        await WriteAsync(w => w.SaveScanRun(completed));

        var (runs, found) = await ReadAsync(r => (r.ListScanRuns(10), r.FindScanRun(older.Id)));
        Assert.That(runs.Select(r => r.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
        Assert.That(found, Is.EqualTo(completed));
    }

    private static ErrorEvent Event(string message) => new ErrorEventBuilder(message).Build();
}
