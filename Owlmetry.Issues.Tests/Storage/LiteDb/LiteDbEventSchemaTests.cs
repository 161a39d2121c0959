using LiteDB;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Storage.LiteDb.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>The event and team-run migration on files written before it, and the index use of event and job lists.</summary>
[TestFixture]
public sealed class LiteDbEventSchemaTests
{
    private const int VersionBeforeEventLists = 7;
    private TempFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempFolder();
        _path = _folder.File("issues.db");
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task Constructor_FileOfSchemaVersion7_KeysExistingEventsAndTeamRuns()
    {
        var team = Guid.NewGuid();
        var events = Enumerable.Range(0, 2_500).Select(i => new ErrorEventBuilder($"e{i}").At(TestTimes.At(i)).Build()).ToList();
        var teamRun = new ScanRun { Id = Guid.NewGuid(), TriggeredByTeamId = team, Status = ScanRunStatus.Completed, StartedAt = TestTimes.At(1) };
        var backgroundRun = new ScanRun { Id = Guid.NewGuid(), Status = ScanRunStatus.Completed, StartedAt = TestTimes.At(2) };
        using (var version7 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [.. LiteDbSchema.Migrations.Take(VersionBeforeEventLists)]))
        {
            await version7.WriteDatabaseAsync(db =>
            {
                var stored = db.GetCollection(CollectionNames.Events);
                for (var i = 0; i < events.Count; i++)
                {
                    var document = db.Mapper.ToDocument(EventDocument.From(events[i], i + 1));
                    document.Remove(nameof(EventDocument.ListKey));
                    stored.Insert(document);
                }

                var runs = db.GetCollection(CollectionNames.ScanRuns);
                foreach (var run in new[] { teamRun, backgroundRun })
                {
                    var document = db.Mapper.ToDocument(ScanRunDocument.From(run));
                    document.Remove(nameof(ScanRunDocument.TeamKey));
                    runs.Insert(document);
                }

                return true;
            });
        }

        using var migrated = new LiteDbIssueStore(_path);
        var after = await migrated.ReadAsync(async r => new
        {
            Newest = (await r.ListEventsAsync(new EventListFilter([TestIds.Project]), EventOrder.NewestFirst, null, 3)).Select(e => e.Id).ToList(),
            Found = await r.FindEventAsync(events[1_234].Id),
            TeamRuns = (await r.ListScanRunsOfTeamAsync(team, null, 10)).Select(run => run.Id).ToList(),
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Newest, Is.EqualTo(events.AsEnumerable().Reverse().Take(3).Select(e => e.Id)), "events past the first backfill chunk are listed");
            Assert.That(after.Found?.Id, Is.EqualTo(events[1_234].Id), "found by id");
            Assert.That(after.TeamRuns, Is.EqualTo(new[] { teamRun.Id }), "the team's run, not the background one");
        }
    }

    [TestCase(EventOrder.NewestFirst, Query.Descending)]
    [TestCase(EventOrder.OldestFirst, Query.Ascending)]
    public void ListEvents_LaneWithTimeWindowAndCursor_IsAnIndexRangeScanWithoutSort(EventOrder order, int direction)
    {
        using var store = new LiteDbIssueStore(_path);
        var filter = new EventListFilter([TestIds.Project], IsDev: false, Since: TestTimes.Base, Until: TestTimes.At(60_000));

        var plan = EventListScan.Lane(store.Collections.Events, TestIds.Project, isDev: false, filter, order, new KeysetKey(TestTimes.At(1).ToUnixTimeMilliseconds(), Guid.NewGuid()))
            .Limit(51)
            .GetPlan();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan["index"]["mode"].AsString, Does.StartWith("INDEX RANGE SCAN"), plan.ToString());
            Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.EventsList), plan.ToString());
            Assert.That(plan["index"]["order"].AsInt32, Is.EqualTo(direction), plan.ToString());
            Assert.That(plan.ContainsKey("orderBy"), Is.False, $"the plan sorts instead of reading the index in order: {plan}");
        }
    }

    [Test]
    public void FindEvent_Predicate_SeeksTheEventIdIndex()
    {
        using var store = new LiteDbIssueStore(_path);

        var plan = store.Collections.Events.Query()
            .Where(BsonExpression.Create($"$.{nameof(EventDocument.EventId)} = @0", Guid.NewGuid()))
            .GetPlan();

        Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.EventsId), plan.ToString());
    }

    [Test]
    public void ListScanRunsOfTeam_Range_IsAnIndexRangeScanOfTheTeamIndex()
    {
        using var store = new LiteDbIssueStore(_path);

        var plan = KeyRange.Build(store.Collections.ScanRuns, nameof(ScanRunDocument.TeamKey), StorageKeys.Team(Guid.NewGuid()), bound: null, descending: true)
            .Limit(51)
            .GetPlan();

        Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.ScanRunsTeam), plan.ToString());
        Assert.That(plan.ContainsKey("orderBy"), Is.False, $"the plan sorts instead of reading the index in order: {plan}");
    }
}
