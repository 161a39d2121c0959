using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues;

/// <summary>Converts <see cref="IssueSort"/> to and from its wire name, and reads an issue's key in a sort.</summary>
public static class IssueSortNames
{
    private static readonly string[] s_names = ["last_seen", "last_activity", "first_seen", "occurrences", "users"];

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All => s_names;

    /// <summary>The wire name of <paramref name="sort"/>.</summary>
    public static string ToWireName(this IssueSort sort) => s_names[(int)sort];

    /// <summary>Parses a wire name exactly.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of <see cref="All"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out IssueSort sort)
    {
        var index = Array.IndexOf(s_names, name);
        sort = index < 0 ? default : (IssueSort)index;
        return index >= 0;
    }

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
