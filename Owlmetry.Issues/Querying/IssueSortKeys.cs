using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Querying;

/// <summary>An issue's position in each <see cref="IssueSort"/>, for keyset paging.</summary>
internal static class IssueSortKeys
{
    /// <summary>The position of <paramref name="issue"/> in <paramref name="sort"/>, for keyset paging.</summary>
    public static KeysetKey KeyOf(this IssueSort sort, Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new KeysetKey(sort.ValueOf(issue), issue.Id);
    }

    /// <summary>The sort value of <paramref name="issue"/>: milliseconds since the epoch for times, else the count.</summary>
    public static long ValueOf(this IssueSort sort, Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return sort switch
        {
            IssueSort.LastSeen => issue.LastSeenAt.ToUnixTimeMilliseconds(),
            IssueSort.LastActivity => issue.UpdatedAt.ToUnixTimeMilliseconds(),
            IssueSort.FirstSeen => issue.FirstSeenAt.ToUnixTimeMilliseconds(),
            IssueSort.Occurrences => issue.OccurrenceCount,
            IssueSort.Users => issue.UniqueUserCount,
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
    }
}
