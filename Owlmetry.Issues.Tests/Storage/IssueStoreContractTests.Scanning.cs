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

        var s1 = await Store.WriteAsync(w => w.AppendEventAsync(first));
        var (s2, s3) = await Store.WriteAsync(async w => (await w.AppendEventAsync(Event("second")), await w.AppendEventAsync(Event("third"))));

        var stored = await ReadAsync(r => r.ListEventsAfterAsync(0, 10));
        Assert.That((s1, s2, s3), Is.EqualTo((1L, 2L, 3L)));
        Assert.That(stored.Select(e => e.Message), Is.EqualTo(new[] { "first", "second", "third" }));
        var roundTripped = stored[0];
        Assert.That(roundTripped with { CustomAttributes = first.CustomAttributes }, Is.EqualTo(first with { Sequence = 1 }));
        Assert.That(roundTripped.CustomAttributes, Is.EquivalentTo(first.CustomAttributes));
    }

    [Test]
    public async Task ListEventsAfter_Sequence_ReturnsLaterEventsInOrderUpToTake()
    {
        await WriteAsync(async w =>
        {
            for (var i = 0; i < 10; i++)
            {
                await w.AppendEventAsync(Event($"e{i}"));
            }
        });

        var page = await ReadAsync(r => r.ListEventsAfterAsync(4, 3));

        Assert.That(page.Select(e => e.Sequence), Is.EqualTo(new[] { 5L, 6L, 7L }));
    }

    [Test]
    public async Task ScanCheckpoint_StartsAtZeroAndKeepsWhatWasSet()
    {
        var before = await ReadAsync(r => r.GetScanCheckpointAsync());

        await WriteAsync(w => w.SetScanCheckpointAsync(42));

        Assert.That(before, Is.Zero);
        Assert.That(await ReadAsync(r => r.GetScanCheckpointAsync()), Is.EqualTo(42));
    }

    [Test]
    public async Task DeleteScannedEventsReceivedBefore_KeepsUnscannedAndRecentAndNeverReusesSequences()
    {
        var old = TestTimes.Base;
        await WriteAsync(async w =>
        {
            await w.AppendEventAsync(Event("old scanned") with { ReceivedAt = old });
            await w.AppendEventAsync(Event("old scanned too") with { ReceivedAt = old });
            await w.AppendEventAsync(Event("old pending") with { ReceivedAt = old });
            await w.SetScanCheckpointAsync(2);
        });

        var deleted = await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBeforeAsync(old.AddDays(1)));
        await WriteAsync(w => w.SetScanCheckpointAsync(3));
        await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBeforeAsync(old.AddDays(1)));
        var next = await Store.WriteAsync(w => w.AppendEventAsync(Event("new")));

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(next, Is.EqualTo(4), "a sequence is never given twice, even after every stored event was deleted");
        Assert.That(await ReadAsync(r => r.GetLastEventSequenceAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task DeleteScannedEventsReceivedBefore_ClockSteppedBack_KeepsAnExpiredEventBehindARecentOneUntilThatOneExpires()
    {
        var old = TestTimes.Base;
        await WriteAsync(async w =>
        {
            await w.AppendEventAsync(Event("old") with { ReceivedAt = old });
            await w.AppendEventAsync(Event("recent") with { ReceivedAt = old.AddDays(10) });
            await w.AppendEventAsync(Event("old again") with { ReceivedAt = old });
            await w.SetScanCheckpointAsync(3);
        });

        var first = await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBeforeAsync(old.AddDays(1)));
        var kept = await ReadAsync(r => r.ListEventsAfterAsync(0, 10));
        var later = await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBeforeAsync(old.AddDays(11)));

        Assert.That(first, Is.EqualTo(1));
        Assert.That(kept.Select(e => e.Message), Is.EqualTo(new[] { "recent", "old again" }));
        Assert.That(later, Is.EqualTo(2));
    }

    [Test]
    public async Task RecordClientEvent_Twice_ConflictsAndRollsBackTheUnit()
    {
        var appId = Guid.NewGuid();
        var clientId = Guid.NewGuid();
        await WriteAsync(w => w.RecordClientEventAsync(new(appId, clientId, null)));

        Assert.That(() => WriteAsync(async w =>
        {
            await w.AppendEventAsync(Event("lost"));
            await w.RecordClientEventAsync(new(appId, clientId, null));
        }), Throws.TypeOf<IssueStoreConflictException>());

        var (known, otherApp, events) = await ReadAsync(async r => (await r.HasClientEventAsync(appId, clientId), await r.HasClientEventAsync(Guid.NewGuid(), clientId), await r.ListEventsAfterAsync(0, 10)));
        Assert.That(known, Is.True);
        Assert.That(otherApp, Is.False);
        Assert.That(events, Is.Empty, "the unit with the duplicate rolled back whole");
    }

    [Test]
    public async Task AppendEvents_Bulk_GivesConsecutiveSequencesInOrderAfterEarlierOnes()
    {
        await WriteAsync(w => w.AppendEventAsync(Event("before")));

        var sequences = await Store.WriteAsync(w => w.AppendEventsAsync([Event("a"), Event("b"), Event("c")]));

        Assert.That(sequences, Is.EqualTo(new[] { 2L, 3L, 4L }));
        Assert.That((await ReadAsync(r => r.ListEventsAfterAsync(1, 10))).Select(e => (e.Message, e.Sequence)), Is.EqualTo(new[] { ("a", 2L), ("b", 3L), ("c", 4L) }));
        Assert.That(await Store.WriteAsync(w => w.AppendEventAsync(Event("after"))), Is.EqualTo(5));
    }

    [Test]
    public async Task RecordClientEvents_OneAlreadyRecorded_ConflictsAndRollsBackTheUnit()
    {
        var appId = Guid.NewGuid();
        var (stored, fresh) = (Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(w => w.RecordClientEventsAsync([new(appId, stored, 1)]));

        Assert.That(() => WriteAsync(w => w.RecordClientEventsAsync([new(appId, fresh, 2), new(appId, stored, 3)])), Throws.TypeOf<IssueStoreConflictException>());

        Assert.That(await ReadAsync(r => r.FindClientEventsAsync(appId, [stored, fresh])), Is.EquivalentTo(new[] { stored }));
    }

    [Test]
    public async Task FindEventSequenceOfClientEvent_GivesTheSequenceRecordedForThatAppOnly_NullForAnotherLevelOrAnUnknownId()
    {
        var (appId, otherAppId) = (Guid.NewGuid(), Guid.NewGuid());
        var (error, info, single, unknown) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(async w =>
        {
            await w.RecordClientEventsAsync([new(appId, error, 41), new(appId, info, null), new(otherAppId, unknown, 43)]);
            await w.RecordClientEventAsync(new(appId, single, 44));
        });

        var found = await ReadAsync(async r => new[]
        {
            await r.FindEventSequenceOfClientEventAsync(appId, error), await r.FindEventSequenceOfClientEventAsync(appId, info),
            await r.FindEventSequenceOfClientEventAsync(appId, single), await r.FindEventSequenceOfClientEventAsync(appId, unknown),
            await r.FindEventSequenceOfClientEventAsync(otherAppId, error),
        });

        Assert.That(found, Is.EqualTo(new long?[] { 41, null, 44, null, null }), "error, info, single record, the other app's id, the id under another app");
    }

    [Test]
    public async Task FindClientEvents_ReturnsTheRecordedIdsOfThatAppOnly_IncludingOnesRecordedEarlierInTheUnit()
    {
        var appId = Guid.NewGuid();
        var (stored, sameUnit, unknown, otherApp) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(async w =>
        {
            await w.RecordClientEventAsync(new(appId, stored, null));
            await w.RecordClientEventAsync(new(Guid.NewGuid(), otherApp, null));
        });

        var found = await Store.WriteAsync(async w =>
        {
            await w.RecordClientEventAsync(new(appId, sameUnit, null));
            return await w.FindClientEventsAsync(appId, [stored, sameUnit, unknown, otherApp, stored]);
        });

        Assert.That(found, Is.EquivalentTo(new[] { stored, sameUnit }));
        Assert.That(await ReadAsync(r => r.FindClientEventsAsync(appId, [])), Is.Empty);
    }

    [Test]
    public async Task HasOccurrenceOfUser_FollowsOccurrencesThroughMerges()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        await WriteAsync(async w =>
        {
            await w.InsertOccurrenceAsync(new OccurrenceBuilder(from).ForUser("alice").Build());
            await w.InsertOccurrenceAsync(new OccurrenceBuilder(from).ForUser(null).Build());
        });

        var before = await ReadAsync(async r => (await r.HasOccurrenceOfUserAsync(from, "alice"), await r.HasOccurrenceOfUserAsync(to, "alice"), await r.HasOccurrenceOfUserAsync(from, "bob")));
        await WriteAsync(w => w.MergeOccurrencesAsync(from, to));
        var after = await ReadAsync(async r => (await r.HasOccurrenceOfUserAsync(from, "alice"), await r.HasOccurrenceOfUserAsync(to, "alice")));

        Assert.That(before, Is.EqualTo((true, false, false)));
        Assert.That(after, Is.EqualTo((false, true)));
    }

    [Test]
    public async Task SaveScanRun_UpsertsAndListsNewestFirst()
    {
        var older = new ScanRun { Id = Guid.NewGuid(), Status = ScanRunStatus.Running, StartedAt = TestTimes.Base };
        var newer = new ScanRun { Id = Guid.NewGuid(), Status = ScanRunStatus.Running, StartedAt = TestTimes.At(1), TriggeredByTeamId = Guid.NewGuid() };
        await WriteAsync(async w =>
        {
            await w.SaveScanRunAsync(older);
            await w.SaveScanRunAsync(newer);
        });
        var completed = older with { Status = ScanRunStatus.Completed, CompletedAt = TestTimes.At(2), Result = new IssueScanResult(5, 1, 0, 0, 5) };

        await WriteAsync(w => w.SaveScanRunAsync(completed));

        var (runs, found) = await ReadAsync(async r => (await r.ListScanRunsAsync(10), await r.FindScanRunAsync(older.Id)));
        Assert.That(runs.Select(r => r.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
        Assert.That(found, Is.EqualTo(completed));
    }

    private static ErrorEvent Event(string message) => new ErrorEventBuilder(message).Build();

    [Test]
    public async Task TryAcquireLease_NobodyHoldsIt_GivesALeaseThatCanBeReleased()
    {
        var lease = await Store.TryAcquireLeaseAsync(StoreLeases.Scan);

        Assert.That(lease, Is.Not.Null, "a store nobody scans refused the scan lease");
        await lease!.DisposeAsync();
        var again = await Store.TryAcquireLeaseAsync(StoreLeases.Scan);
        Assert.That(again, Is.Not.Null, "a released scan lease could not be taken again");
        await again!.DisposeAsync();
    }
}
