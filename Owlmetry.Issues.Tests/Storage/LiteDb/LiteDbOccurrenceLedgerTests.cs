using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Storage.LiteDb.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>
/// The LiteDB store keeps its occurrence ledgers in memory between units, reads them from the file when they are
/// missing, and drops them past a capacity: a merge must count the same in each case.
/// </summary>
[TestFixture]
public sealed class LiteDbOccurrenceLedgerTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    public enum Ledgers
    {
        KeptInMemory,
        ReadWhenMerged,
        ReadAfterReopening,
        DroppedAfterEveryUnit,
    }

    [TestCase(Ledgers.KeptInMemory)]
    [TestCase(Ledgers.ReadWhenMerged)]
    [TestCase(Ledgers.ReadAfterReopening)]
    [TestCase(Ledgers.DroppedAfterEveryUnit)]
    public async Task MergeChain_HoweverTheLedgersWereKept_GivesTheRollupsOfTheSurvivorsOccurrences(Ledgers ledgers)
    {
        var path = _folder.File("issues.db");
        var capacity = ledgers is Ledgers.DroppedAfterEveryUnit ? 0 : OccurrenceLedgers.DefaultCapacity;
        // Issues that say they are large have their ledgers loaded when stored, and kept current by every later write.
        var size = ledgers is Ledgers.KeptInMemory ? OccurrenceLedgers.LargeIssue : 0;
        var (first, second, third) = (NewIssue(size), NewIssue(size), NewIssue(size));
        var (shared, alsoShared) = (Guid.NewGuid(), Guid.NewGuid());
        var store = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = path }, LiteDbSchema.Migrations, capacity);
        try
        {
            await store.WriteAsync(async writer =>
            {
                foreach (var issue in new[] { first, second, third })
                {
                    await writer.InsertIssueAsync(issue);
                }

                await writer.InsertOccurrencesAsync(
                [
                    new OccurrenceBuilder(first.Id).InSession(shared).ForUser("gone").At(TestTimes.At(1)).Build(),
                    new OccurrenceBuilder(first.Id).InSession(alsoShared).ForUser("ann").At(TestTimes.At(2)).Build(),
                    new OccurrenceBuilder(second.Id).InSession(shared).ForUser("bob").At(TestTimes.At(3)).Build(),
                    new OccurrenceBuilder(third.Id).InSession(alsoShared).ForUser(null).At(TestTimes.At(4)).Build(),
                ]);
                return true;
            });
            await store.WriteAsync(writer => writer.MergeOccurrencesAsync(first.Id, second.Id));
            await store.WriteAsync(async writer =>
            {
                await writer.InsertOccurrenceAsync(new OccurrenceBuilder(second.Id).ForUser("cy").At(TestTimes.At(5)).Build());
                return true;
            });
            if (ledgers is Ledgers.ReadAfterReopening)
            {
                store.Dispose();
                store = new LiteDbIssueStore(path);
            }

            var summary = await store.WriteAsync(writer => writer.MergeOccurrencesAsync(second.Id, third.Id));

            var all = await store.ReadAsync(reader => reader.GetAllOccurrencesAsync(third.Id));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(all.Select(o => o.UserId), Is.EquivalentTo(new[] { "bob", "cy", null }), "the survivor's occurrences");
                Assert.That(summary.Count, Is.EqualTo(3), "the summary's count");
                Assert.That(summary.UniqueUserCount, Is.EqualTo(2), "bob and cy");
                Assert.That(IssueRollup.Apply(third, summary), Is.EqualTo(IssueRollup.Recompute(third, all)), "the summary's roll-ups");
            }
        }
        finally
        {
            store.Dispose();
        }
    }

    private static Issue NewIssue(int occurrenceCount) => new IssueBuilder().WithOccurrenceCount(occurrenceCount).Build();
}
