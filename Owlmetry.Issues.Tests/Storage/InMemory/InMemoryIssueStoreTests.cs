using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.InMemory;

/// <summary>
/// The in-memory store is the seam's reference for asynchronous providers: a unit may await real work between its
/// calls, as a database provider's units await their round trips, and stays atomic and serialized.
/// </summary>
[TestFixture]
public sealed class InMemoryIssueStoreTests
{
    [Test]
    public async Task WriteAsync_UnitThatYieldsBetweenCalls_Commits()
    {
        var store = new InMemoryIssueStore();
        var issue = new IssueBuilder().Build();

        await store.WriteAsync(async writer =>
        {
            await Task.Yield();
            await writer.InsertIssueAsync(issue);
        });

        var stored = await store.ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        Assert.That(stored?.Id, Is.EqualTo(issue.Id), "a unit that yielded between its calls did not commit");
    }

    [Test]
    public async Task WriteAsync_UnitThatYieldsThenThrows_RollsBackWhatItWrote()
    {
        var store = new InMemoryIssueStore();
        var issue = new IssueBuilder().Build();

        await Assert.ThatAsync(
            () => store.WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(issue);
                await Task.Yield();
                throw new IOException("lost the connection");
            }),
            Throws.InstanceOf<IOException>());

        Assert.That(await store.ReadAsync(reader => reader.FindIssueAsync(issue.Id)), Is.Null, "a failed asynchronous unit kept its write");
    }

    [Test]
    public async Task WriteAsync_UnitsThatYield_DoNotInterleave()
    {
        var store = new InMemoryIssueStore();
        var issue = new IssueBuilder().Build();
        await store.WriteAsync(writer => writer.InsertIssueAsync(issue));

        // Each unit reads the count, yields, and writes it back plus one: interleaved units would lose increments.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.WriteAsync(async writer =>
        {
            var current = (await writer.FindIssueAsync(issue.Id))!;
            await Task.Yield();
            await writer.UpdateIssueAsync(current with { OccurrenceCount = current.OccurrenceCount + 1 });
        }))));

        var stored = await store.ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        Assert.That(stored!.OccurrenceCount, Is.EqualTo(issue.OccurrenceCount + 20), "units that awaited between read and write interleaved");
    }
}
