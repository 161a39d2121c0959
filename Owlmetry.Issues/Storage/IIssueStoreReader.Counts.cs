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
}
