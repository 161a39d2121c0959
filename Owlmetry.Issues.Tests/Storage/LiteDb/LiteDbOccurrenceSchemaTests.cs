using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Storage.LiteDb.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>The occurrence rows under binary keys: the migration of files written before them, and their index use.</summary>
[TestFixture]
public sealed class LiteDbOccurrenceSchemaTests
{
    private const int VersionBeforeBinaryKeys = 10;
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
    public async Task Constructor_FileOfSchemaVersion10_RekeysEveryOccurrenceAndKeepsWhatEachIssueCounts()
    {
        var (large, small) = (Guid.NewGuid(), Guid.NewGuid());
        var occurrences = Enumerable.Range(0, 6_000)
            .Select(i => new OccurrenceBuilder(large).At(TestTimes.At(i % 1_000)).ForUser(i % 7 == 0 ? null : $"user-{i % 50}").Build())
            .ToList();
        var detailed = new OccurrenceBuilder(small).WithAllFieldsSet().Build();
        var shared = new OccurrenceBuilder(small).InSession(occurrences[0].SessionId).ForUser("user-1").Build();
        using (var version10 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [.. LiteDbSchema.Migrations.Take(VersionBeforeBinaryKeys)]))
        {
            await version10.WriteDatabaseAsync(db => db.GetCollection(TextKeyedOccurrence.Collection)
                .InsertBulk(occurrences.Append(detailed).Append(shared).Select(o => TextKeyedOccurrence.Document(o))));
        }

        using (var migrated = new LiteDbIssueStore(_path))
        {
            var after = await migrated.ReadAsync(async r => new
            {
                All = await r.GetAllOccurrencesAsync(large),
                Newest = await r.ListOccurrencesAsync(large, null, 3),
                Small = await r.GetAllOccurrencesAsync(small),
                Counts = await r.CountOccurrencesByIssueAsync(),
                InSession = await r.HasOccurrenceInSessionAsync(large, occurrences[5_999].SessionId),
                OfUser = await r.HasOccurrenceOfUserAsync(small, "user-8812"),
                OfAnotherUser = await r.HasOccurrenceOfUserAsync(small, "user-2"),
            });
            var duplicate = async () => await migrated.WriteAsync(async w =>
            {
                await w.InsertOccurrenceAsync(new OccurrenceBuilder(large).InSession(occurrences[4_321].SessionId).Build());
                return true;
            });
            var merged = await migrated.WriteAsync(w => w.MergeOccurrencesAsync(small, large));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(after.All, Is.EquivalentTo(occurrences), "every occurrence of the large issue, past the first chunk, field by field");
                Assert.That(after.Newest, Is.EqualTo(occurrences.OrderByDescending(KeysetKey.Of).Take(3)), "the detail page's order");
                Assert.That(after.Small, Is.EquivalentTo(new[] { detailed, shared }), "every field of a fully set occurrence");
                Assert.That(after.Counts, Is.EquivalentTo(new Dictionary<Guid, int> { [large] = 6_000, [small] = 2 }), "counts");
                Assert.That((after.InSession, after.OfUser, after.OfAnotherUser), Is.EqualTo((true, true, false)), "the session and user probes");
                Assert.That(duplicate, Throws.InstanceOf<IssueStoreConflictException>(), "a second occurrence of a migrated session");
                Assert.That((merged.Count, merged.UniqueUserCount), Is.EqualTo((6_001, 51)), "a merge counts the migrated rows once per session");
            }
        }

        using var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}");
        Assert.That(database.CollectionExists(TextKeyedOccurrence.Collection), Is.False, "the text-keyed collection is dropped once copied");
        Assert.That(database.GetCollection(CollectionNames.Meta).FindById("schema")["Version"].AsInt32, Is.EqualTo(LiteDbSchema.Migrations.Count));
    }

    [TestCase(true, Query.Descending)]
    [TestCase(false, Query.Ascending)]
    public void Pages_OfAGroup_AreAnIndexRangeScanWithoutSort(bool descending, int direction)
    {
        using var store = new LiteDbIssueStore(_path);
        var (low, high) = OccurrenceKeys.PagesOf(Guid.NewGuid());

        var plan = KeyRange.Between(store.Collections.Occurrences, nameof(OccurrenceDocument.PageKey), low, high, descending).Limit(51).GetPlan();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.OccurrencesPage), plan.ToString());
            Assert.That(plan["index"]["mode"].AsString, Does.StartWith("INDEX RANGE SCAN"), plan.ToString());
            Assert.That(plan["index"]["order"].AsInt32, Is.EqualTo(direction), plan.ToString());
            Assert.That(plan.ContainsKey("orderBy"), Is.False, $"the plan sorts instead of reading the index in order: {plan}");
        }
    }

    [Test]
    public void UserKeys_OfAGroup_AreReadFromTheIndexWithoutLoadingOccurrences()
    {
        using var store = new LiteDbIssueStore(_path);
        var (low, high) = OccurrenceKeys.UsersOf(Guid.NewGuid());

        var plan = store.Collections.Occurrences.Query()
            .Where(BsonExpression.Create($"$.{nameof(OccurrenceDocument.UserKey)} BETWEEN @0 AND @1", low, high))
            .Select(BsonExpression.Create($"$.{nameof(OccurrenceDocument.UserKey)}"))
            .GetPlan();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.OccurrencesUser), plan.ToString());
            Assert.That(plan["index"]["mode"].AsString, Does.StartWith("INDEX RANGE SCAN"), plan.ToString());
            Assert.That(plan["lookup"]["loader"].AsString, Is.EqualTo("index"), $"the read loads occurrence documents: {plan}");
        }
    }

    [Test]
    public void Constructor_RetiredCollectionLeftByACrashAfterTheMigrationCommitted_DropsItAtTheNextOpen()
    {
        new LiteDbIssueStore(_path).Dispose();
        using (var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}"))
        {
            // As a process killed between the migration's commit and the drop that follows it leaves the file.
            database.GetCollection(TextKeyedOccurrence.Collection).Insert(TextKeyedOccurrence.Document(new OccurrenceBuilder(Guid.NewGuid()).Build()));
        }

        new LiteDbIssueStore(_path).Dispose();

        using var reopened = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}");
        Assert.That(reopened.CollectionExists(TextKeyedOccurrence.Collection), Is.False, "the retired collection outlived an open");
    }

    [Test]
    public void NewFile_HasOnlyTheBinaryKeyedCollection()
    {
        new LiteDbIssueStore(_path).Dispose();

        using var database = new LiteDatabase($"Filename={_path};Collation={Collation.Binary}");
        Assert.That(database.GetCollectionNames(), Does.Not.Contain(TextKeyedOccurrence.Collection));
    }
}
