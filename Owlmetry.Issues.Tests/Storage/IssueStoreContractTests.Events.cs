using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task FindEvent_StoredEvent_RoundTripsAndAnUnknownIdIsNull()
    {
        var stored = EventAt("stored", 0) with
        {
            ClientEventId = Guid.NewGuid(), UserId = "u1", Environment = "ios", ScreenName = "Cart",
            CustomAttributes = new Dictionary<string, string> { ["_error_type"] = "IOException", ["$weird key"] = "  spaced  " },
        };
        await WriteAsync(w => w.AppendEventAsync(stored));

        var (found, unknown) = await ReadAsync(async r => (await r.FindEventAsync(stored.Id), await r.FindEventAsync(Guid.NewGuid())));

        Assert.That(found! with { CustomAttributes = stored.CustomAttributes }, Is.EqualTo(stored with { Sequence = 1 }));
        Assert.That(found!.CustomAttributes, Is.EquivalentTo(stored.CustomAttributes));
        Assert.That(unknown, Is.Null);
    }

    [Test]
    public async Task FindEvent_DeletedByRetention_IsNull()
    {
        var expired = EventAt("expired", 0);
        await WriteAsync(async w =>
        {
            await w.AppendEventAsync(expired);
            await w.SetScanCheckpointAsync(1);
        });

        await Store.WriteAsync(w => w.DeleteScannedEventsReceivedBeforeAsync(TestTimes.Base.AddDays(1)));

        Assert.That(await ReadAsync(r => r.FindEventAsync(expired.Id)), Is.Null);
        Assert.That(await ReadAsync(r => r.ListEventsAsync(new EventListFilter([TestIds.Project]), EventOrder.NewestFirst, null, 10)), Is.Empty);
    }

    [Test]
    public async Task ListEvents_PagedInEitherOrder_ReturnsEveryEventOnceInTimestampThenIdOrder([Values] EventOrder order)
    {
        // Pairs of equal timestamps, appended out of time order: the id breaks ties and the sequence plays no part.
        var events = Enumerable.Range(0, 9).Select(i => EventAt($"e{i}", (8 - i) / 2 * 1_000)).ToList();
        await WriteAsync(w => w.AppendEventsAsync(events));
        var expected = order.Sort(events).Select(e => e.Id).ToList();

        var paged = new List<Guid>();
        KeysetKey? after = null;
        while (true)
        {
            var page = await ReadAsync(r => r.ListEventsAsync(new EventListFilter([TestIds.Project]), order, after, 2));
            paged.AddRange(page.Select(e => e.Id));
            if (page.Count < 2)
            {
                break;
            }

            after = KeysetKey.Of(page[^1]);
        }

        Assert.That(paged, Is.EqualTo(expected));
    }

    [Test]
    public async Task ListEvents_AcrossProjectsAndDevSides_MergesThemInOrder()
    {
        var prod = EventAt("prod", 0);
        var dev = EventAt("dev", 2_000) with { IsDev = true };
        var other = EventAt("other project", 1_000) with { ProjectId = TestIds.OtherProject };
        var unlisted = EventAt("unlisted project", 3_000) with { ProjectId = Guid.NewGuid() };
        await WriteAsync(w => w.AppendEventsAsync([prod, dev, other, unlisted]));

        var (both, prodOnly, devOnly) = await ReadAsync(async r => (
            await r.ListEventsAsync(new EventListFilter([TestIds.Project, TestIds.OtherProject]), EventOrder.NewestFirst, null, 10),
            await r.ListEventsAsync(new EventListFilter([TestIds.Project, TestIds.OtherProject], IsDev: false), EventOrder.NewestFirst, null, 10),
            await r.ListEventsAsync(new EventListFilter([TestIds.Project], IsDev: true), EventOrder.OldestFirst, null, 10)));

        Assert.That(both.Select(e => e.Message), Is.EqualTo(new[] { "dev", "other project", "prod" }));
        Assert.That(prodOnly.Select(e => e.Message), Is.EqualTo(new[] { "other project", "prod" }));
        Assert.That(devOnly.Select(e => e.Message), Is.EqualTo(new[] { "dev" }));
    }

    [Test]
    public async Task ListEvents_Filters_NarrowToAppSessionUserEnvironmentScreenAndInclusiveTimeWindow()
    {
        var session = Guid.NewGuid();
        var target = EventAt("target", 1_000) with
        {
            AppId = TestIds.App, SessionId = session, UserId = "alice", Environment = "ios", ScreenName = "Cart",
        };
        await WriteAsync(w => w.AppendEventsAsync(
        [
            target,
            target with { Id = Guid.NewGuid(), Message = "other app", AppId = TestIds.OtherApp },
            target with { Id = Guid.NewGuid(), Message = "other session", SessionId = Guid.NewGuid() },
            target with { Id = Guid.NewGuid(), Message = "other user", UserId = "bob" },
            target with { Id = Guid.NewGuid(), Message = "no user", UserId = null },
            target with { Id = Guid.NewGuid(), Message = "other environment", Environment = "macos" },
            target with { Id = Guid.NewGuid(), Message = "other screen", ScreenName = "Home" },
            target with { Id = Guid.NewGuid(), Message = "too early", Timestamp = TestTimes.At(999) },
            target with { Id = Guid.NewGuid(), Message = "too late", Timestamp = TestTimes.At(2_001) },
            target with { Id = Guid.NewGuid(), Message = "last in window", Timestamp = TestTimes.At(2_000) },
        ]));
        var filter = new EventListFilter(
            [TestIds.Project], IsDev: false, AppId: TestIds.App, SessionId: session, UserId: "alice", Environment: "ios", ScreenName: "Cart",
            Since: TestTimes.At(1_000), Until: TestTimes.At(2_000));

        var (newest, oldest) = await ReadAsync(async r => (await r.ListEventsAsync(filter, EventOrder.NewestFirst, null, 10), await r.ListEventsAsync(filter, EventOrder.OldestFirst, null, 10)));

        Assert.That(newest.Select(e => e.Message), Is.EqualTo(new[] { "last in window", "target" }));
        Assert.That(oldest.Select(e => e.Message), Is.EqualTo(new[] { "target", "last in window" }));
    }

    [Test]
    public async Task ListEvents_CursorInsideTheTimeWindow_ContinuesWithinIt([Values] EventOrder order)
    {
        var events = Enumerable.Range(0, 6).Select(i => EventAt($"e{i}", i * 1_000)).ToList();
        await WriteAsync(w => w.AppendEventsAsync(events));
        var filter = new EventListFilter([TestIds.Project], Since: TestTimes.At(1_000), Until: TestTimes.At(4_000));

        var first = await ReadAsync(r => r.ListEventsAsync(filter, order, null, 2));
        var rest = await ReadAsync(r => r.ListEventsAsync(filter, order, KeysetKey.Of(first[^1]), 10));

        var expected = order == EventOrder.NewestFirst ? new[] { "e4", "e3", "e2", "e1" } : ["e1", "e2", "e3", "e4"];
        Assert.That(first.Concat(rest).Select(e => e.Message), Is.EqualTo(expected));
    }

    [Test]
    public async Task ListScanRunsOfTeam_ListsThatTeamsRunsOnlyNewestFirstAndPages()
    {
        var team = Guid.NewGuid();
        var runs = Enumerable.Range(0, 5)
            .Select(i => new ScanRun { Id = Guid.NewGuid(), TriggeredByTeamId = team, Status = ScanRunStatus.Completed, StartedAt = TestTimes.At(i / 2 * 1_000) })
            .ToList();
        await WriteAsync(async w =>
        {
            foreach (var run in runs)
            {
                await w.SaveScanRunAsync(run);
            }

            await w.SaveScanRunAsync(new ScanRun { Id = Guid.NewGuid(), Status = ScanRunStatus.Completed, StartedAt = TestTimes.At(9_000) });
            await w.SaveScanRunAsync(new ScanRun { Id = Guid.NewGuid(), TriggeredByTeamId = Guid.NewGuid(), Status = ScanRunStatus.Completed, StartedAt = TestTimes.At(9_000) });
        });
        var expected = runs.OrderByDescending(r => new KeysetKey(r.StartedAt.ToUnixTimeMilliseconds(), r.Id)).Select(r => r.Id).ToList();

        var first = await ReadAsync(r => r.ListScanRunsOfTeamAsync(team, null, 3));
        var last = first[^1];
        var rest = await ReadAsync(r => r.ListScanRunsOfTeamAsync(team, new KeysetKey(last.StartedAt.ToUnixTimeMilliseconds(), last.Id), 3));

        Assert.That(first.Concat(rest).Select(r => r.Id), Is.EqualTo(expected));
        Assert.That(first[0], Is.EqualTo(runs.Single(r => r.Id == expected[0])), "a listed run round-trips");
    }

    private static ErrorEvent EventAt(string message, int milliseconds) => new ErrorEventBuilder(message).At(TestTimes.At(milliseconds)).Build();
}
