using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task ListOccurrences_EqualTimestampsWalkedPageByPage_ReturnsEachOnceNewestFirstByIdTieBreak()
    {
        var issueId = Guid.NewGuid();
        var occurrences = await InsertOccurrencesAsync(issueId, count: 25, distinctTimestamps: 4);
        await InsertOccurrencesAsync(Guid.NewGuid(), count: 5, distinctTimestamps: 4);

        var walked = new List<IssueOccurrence>();
        KeysetKey? after = null;
        IReadOnlyList<IssueOccurrence> page;
        do
        {
            page = await ReadAsync(reader => reader.ListOccurrencesAsync(issueId, after, 4));
            walked.AddRange(page);
            after = page.Count > 0 ? KeysetKey.Of(page[^1]) : after;
        }
        while (page.Count == 4);

        var expected = occurrences.OrderByDescending(KeysetKey.Of).Select(o => o.Id);
        Assert.That(walked.Select(o => o.Id), Is.EqualTo(expected),
            "paging the occurrences 4 at a time did not return each of the issue's occurrences once, in (timestamp, id) descending order");
    }

    [Test]
    public async Task GetAllOccurrences_SeveralIssues_ReturnsEveryOccurrenceOfThatIssueOnly()
    {
        var issueId = Guid.NewGuid();
        var occurrences = await InsertOccurrencesAsync(issueId, count: 6, distinctTimestamps: 2);
        await InsertOccurrencesAsync(Guid.NewGuid(), count: 3, distinctTimestamps: 1);

        var all = await ReadAsync(reader => reader.GetAllOccurrencesAsync(issueId));

        Assert.That(all, Is.EquivalentTo(occurrences));
    }

    [Test]
    public async Task InsertOccurrences_Bulk_StoresEachLikeInsertOccurrence()
    {
        var issueId = Guid.NewGuid();
        var occurrences = Enumerable.Range(0, 30).Select(_ => new OccurrenceBuilder(issueId).Build()).ToList();

        await WriteAsync(writer => writer.InsertOccurrencesAsync(occurrences));

        Assert.That(await ReadAsync(reader => reader.GetAllOccurrencesAsync(issueId)), Is.EquivalentTo(occurrences));
        Assert.That(await ReadAsync(reader => reader.HasOccurrenceInSessionAsync(issueId, occurrences[7].SessionId)), Is.True);
    }

    [Test]
    public async Task InsertOccurrences_TwoOfOneSessionInOneIssue_ConflictsAndRollsBackTheUnit()
    {
        var issueId = Guid.NewGuid();
        var first = new OccurrenceBuilder(issueId).Build();
        var second = new OccurrenceBuilder(issueId).Build() with { SessionId = first.SessionId };

        Assert.That(() => WriteAsync(writer => writer.InsertOccurrencesAsync([new OccurrenceBuilder(issueId).Build(), first, second])),
            Throws.TypeOf<IssueStoreConflictException>());
        Assert.That(await ReadAsync(reader => reader.GetAllOccurrencesAsync(issueId)), Is.Empty, "nothing of the unit was kept");
    }

    [Test]
    public async Task HasOccurrenceInSession_SessionOfAnotherIssue_ReturnsFalse()
    {
        var occurrence = new OccurrenceBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.InsertOccurrenceAsync(occurrence));

        var (own, other) = await ReadAsync(async reader => (
            await reader.HasOccurrenceInSessionAsync(occurrence.IssueId, occurrence.SessionId),
            await reader.HasOccurrenceInSessionAsync(Guid.NewGuid(), occurrence.SessionId)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(own, Is.True, "the issue's own session");
            Assert.That(other, Is.False, "the same session under another issue");
        }
    }

    [Test]
    public async Task InsertOccurrence_SameSessionInTwoIssues_KeepsBoth()
    {
        var sessionId = Guid.NewGuid();
        var first = new OccurrenceBuilder(Guid.NewGuid()).InSession(sessionId).Build();
        var second = new OccurrenceBuilder(Guid.NewGuid()).InSession(sessionId).Build();

        await WriteAsync(async writer =>
        {
            await writer.InsertOccurrenceAsync(first);
            await writer.InsertOccurrenceAsync(second);
        });

        var stored = await ReadAsync(async reader => (await reader.GetAllOccurrencesAsync(first.IssueId)).Concat(await reader.GetAllOccurrencesAsync(second.IssueId)).ToList());
        Assert.That(stored, Is.EquivalentTo(new[] { first, second }), "one session may occur once in each issue");
    }

    private protected async Task<List<IssueOccurrence>> InsertOccurrencesAsync(Guid issueId, int count, int distinctTimestamps)
    {
        var occurrences = Enumerable.Range(0, count)
            .Select(i => new OccurrenceBuilder(issueId).At(TestTimes.At(i % distinctTimestamps)).Build())
            .ToList();
        await WriteAsync(async writer =>
        {
            foreach (var occurrence in occurrences)
            {
                await writer.InsertOccurrenceAsync(occurrence);
            }
        });
        return occurrences;
    }
}
