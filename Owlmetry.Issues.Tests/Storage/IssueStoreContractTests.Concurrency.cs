using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    private const int Writers = 8;
    private const int UnitsPerWriter = 50;

    [Test]
    public async Task WriteAsync_ParallelReadModifyWriteUnits_LoseNoUpdate()
    {
        var issue = await InsertAsync(new IssueBuilder().Build());

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < UnitsPerWriter; i++)
            {
                await WriteAsync(async writer =>
                {
                    var current = (await writer.FindIssueAsync(issue.Id))!;
                    await writer.UpdateIssueAsync(current with { OccurrenceCount = current.OccurrenceCount + 1 });
                });
            }
        })));

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        Assert.That(stored?.OccurrenceCount, Is.EqualTo(Writers * UnitsPerWriter), "parallel increments were lost: units interleaved");
    }

    [Test]
    public async Task WriteAsync_ParallelInserts_AllLand()
    {
        var issues = Enumerable.Range(0, Writers * UnitsPerWriter).Select(_ => new IssueBuilder().Build()).ToList();

        await Task.WhenAll(issues.Chunk(UnitsPerWriter).Select(chunk => Task.Run(async () =>
        {
            foreach (var issue in chunk)
            {
                await WriteAsync(writer => writer.InsertIssueAsync(issue));
            }
        })));

        var listed = await ReadAsync(reader => reader.ListIssuesAsync(new IssueListFilter([TestIds.Project]), IssueSort.LastSeen, after: null, take: int.MaxValue));
        Assert.That(listed.Select(i => i.Id), Is.EquivalentTo(issues.Select(i => i.Id)), "not every parallel insert is listed");
    }

    [Test]
    public async Task ReadAsync_WhileUnitsWrite_SeesEachUnitWholeOrNotAtAll()
    {
        var issue = await InsertAsync(new IssueBuilder().Build());
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await WriteAsync(async writer =>
                {
                    await writer.InsertOccurrenceAsync(new OccurrenceBuilder(issue.Id).Build());
                    var current = (await writer.FindIssueAsync(issue.Id))!;
                    await writer.UpdateIssueAsync(current with { OccurrenceCount = current.OccurrenceCount + 1 });
                });
            }
        });

        var torn = 0;
        while (!writing.IsCompleted)
        {
            var (count, occurrences) = await ReadAsync(async reader => ((await reader.FindIssueAsync(issue.Id))!.OccurrenceCount, (await reader.GetAllOccurrencesAsync(issue.Id)).Count));
            torn += count == occurrences ? 0 : 1;
        }

        await writing;
        Assert.That(torn, Is.Zero, "a read saw an issue's count and its occurrences from different units");
    }
}
