using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// A merge's statements. Each reads an issue's occurrences as one index range per group of the issue
/// (<see cref="OccurrenceRows.InGroupsOf"/>), never the whole occurrences table. Written as joins of the groups and the
/// occurrences, the planner read the whole table whenever its statistics lagged behind it (occurrences written since
/// autovacuum last analyzed it): 130–170 ms for the delete of a 10,000 + 10,000 merge at 420,000 occurrences, against
/// 10–11 ms this way.
/// </summary>
internal static class MergeQueries
{
    /// <summary>
    /// Deletes the source's occurrences of sessions the target has. The rows are found first and deleted by their
    /// tuple ids: a list of tuple ids is always a lookup of those tuples, where a join back to the table could be a scan of it.
    /// </summary>
    public static SqlStatement DeleteSharedSessions(Guid fromIssueId, Guid toIssueId) => new(
        "DELETE FROM occurrences WHERE ctid = ANY(ARRAY(" +
        $"SELECT s.ctid FROM {OccurrenceRows.InGroupsOf("$1", "o.ctid, o.session_id", "s")} " +
        $"AND s.session_id IN (SELECT t.session_id FROM {OccurrenceRows.InGroupsOf("$2", "o.session_id", "t")})))",
        [Param.Id(fromIssueId), Param.Id(toIssueId)]);

    /// <summary>Moves the source's groups to the target: one row per group, whatever its size.</summary>
    public static SqlStatement Regroup(Guid fromIssueId, Guid toIssueId) =>
        new("UPDATE occurrence_groups SET issue_id = $2 WHERE issue_id = $1", [Param.Id(fromIssueId), Param.Id(toIssueId)]);

    /// <summary>
    /// The issue's occurrences and distinct users. The users are hashed by <c>SELECT DISTINCT</c>: <c>count(DISTINCT)</c>
    /// would sort every occurrence of the issue.
    /// </summary>
    public static SqlStatement Counts(Guid issueId) => new(
        $"SELECT (SELECT count(*)::integer FROM {OccurrenceRows.InGroupsOf("$1", "1", "o")}), " +
        $"(SELECT count(*)::integer FROM (SELECT DISTINCT u.user_id FROM {OccurrenceRows.InGroupsOf("$1", "o.user_id", "u", "o.user_id IS NOT NULL")}) users)",
        [Param.Id(issueId)]);

    /// <summary>
    /// The issue's occurrences at the edges the roll-ups need, in (timestamp, id) order: the earliest and the latest, and
    /// the earliest and the latest carrying an app version and an SDK version. Each is one step of the page index per group.
    /// </summary>
    public static SqlStatement Edges(Guid issueId) => new(s_edges, [Param.Id(issueId)]);

    private static readonly string s_edges = string.Join(
        " UNION ",
        new[] { "true", "o.carries_app_version", "o.carries_sdk_version" }.SelectMany(condition => new[] { "ASC", "DESC" }.Select(direction =>
            $"({OccurrenceRows.FirstOfIssue(condition, direction, "1")})")));
}
