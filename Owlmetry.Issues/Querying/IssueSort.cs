namespace Owlmetry.Issues.Querying;

/// <summary>
/// The orders an issue list can take, each descending with the issue id (descending) as tie-break.
/// Wire names: <c>last_seen</c>, <c>last_activity</c>, <c>first_seen</c>, <c>occurrences</c>, <c>users</c>.
/// </summary>
public enum IssueSort
{
    /// <summary><c>last_seen_at</c> descending: the reference order and the default.</summary>
    LastSeen,

    /// <summary><c>updated_at</c> descending: status changes, comments, merges and occurrences.</summary>
    LastActivity,

    /// <summary><c>first_seen_at</c> descending: the newest problems first.</summary>
    FirstSeen,

    /// <summary><c>occurrence_count</c> descending.</summary>
    Occurrences,

    /// <summary><c>unique_user_count</c> descending.</summary>
    Users,
}
