using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

public partial interface IIssueStoreReader
{
    /// <summary>
    /// How many issues pass <paramref name="filter"/>, per status, counted by the store in one pass: the status tabs of a
    /// list. A status no issue has is left out.
    /// </summary>
    ValueTask<IReadOnlyDictionary<IssueStatus, int>> CountIssuesByStatusAsync(IssueListFilter filter);

    /// <summary>
    /// How many occurrences each of <paramref name="issueIds"/> has per UTC day, counting only those at or after
    /// <paramref name="since"/>: a store reads the occurrences of that window, not every occurrence of the issues. Days
    /// without any, and unknown issues, are left out.
    /// </summary>
    ValueTask<IReadOnlyList<IssueDayCount>> CountOccurrencesByDayAsync(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since);

    /// <summary>
    /// How the occurrences of <paramref name="issueId"/> split by app version, environment and country, counted by the
    /// store: an issue's overview asks for them, and an error storm's issue has more occurrences than a request should
    /// hold in memory. An unknown issue has none.
    /// </summary>
    ValueTask<OccurrenceSplits> SplitOccurrencesAsync(Guid issueId);
}
