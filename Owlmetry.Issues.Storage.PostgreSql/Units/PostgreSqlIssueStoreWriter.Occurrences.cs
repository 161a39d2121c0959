using Npgsql;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal sealed partial class PostgreSqlIssueStoreWriter
{
    /// <summary>
    /// The target's occurrences at the edges the roll-ups need, in (timestamp, id) order: the earliest and the latest,
    /// and the earliest and the latest carrying an app version and an SDK version. Each is one step of the page index per group.
    /// </summary>
    private static readonly string s_edges = string.Join(
        " UNION ",
        new[] { "true", "o.carries_app_version", "o.carries_sdk_version" }.SelectMany(condition => new[] { "ASC", "DESC" }.Select(direction =>
            $"({OccurrenceRows.FirstOfIssue(condition, direction, "1")})")));

    public ValueTask InsertOccurrenceAsync(IssueOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return InsertOccurrencesAsync([occurrence]);
    }

    /// <summary>
    /// One multi-row insert from arrays. A session the issue already has refuses the whole batch: by the unique (group,
    /// session) index in the issue's own group, by an insert of fewer rows than given when a group merged into the issue holds it.
    /// </summary>
    public async ValueTask InsertOccurrencesAsync(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        if (occurrences.Count > 0
            && await Unit.ExecuteAsync(OccurrenceRows.Insert, OccurrenceRows.Values(occurrences)).ConfigureAwait(false) < occurrences.Count)
        {
            throw new IssueStoreConflictException(
                "The write breaks the store's invariant of one occurrence per issue and session: a group merged into the issue holds one of the sessions.");
        }
    }

    /// <summary>
    /// One round trip: the source's occurrences of sessions the target has are deleted, the source's groups re-pointed
    /// to the target (one row each, whatever their size), then the target is counted and its edges read.
    /// </summary>
    public async ValueTask<OccurrenceSummary> MergeOccurrencesAsync(Guid fromIssueId, Guid toIssueId)
    {
        var statements = new List<SqlStatement>();
        if (fromIssueId != toIssueId)
        {
            statements.Add(new(
                "DELETE FROM occurrences o USING occurrence_groups g WHERE g.issue_id = $1 AND o.group_id = g.group_id " +
                "AND EXISTS (SELECT 1 FROM occurrence_groups tg JOIN occurrences t ON t.group_id = tg.group_id " +
                "WHERE tg.issue_id = $2 AND t.session_id = o.session_id)",
                [Param.Id(fromIssueId), Param.Id(toIssueId)]));
            statements.Add(new("UPDATE occurrence_groups SET issue_id = $2 WHERE issue_id = $1", [Param.Id(fromIssueId), Param.Id(toIssueId)]));
        }

        // Two index-only walks of the groups, the users hashed: count(DISTINCT) would sort every occurrence of the target.
        statements.Add(new(
            $"SELECT (SELECT count(*)::integer FROM {OccurrenceRows.OfGroups} WHERE g.issue_id = $1), " +
            $"(SELECT count(*)::integer FROM (SELECT DISTINCT o.user_id FROM {OccurrenceRows.OfGroups} WHERE g.issue_id = $1 AND o.user_id IS NOT NULL) users)",
            [Param.Id(toIssueId)]));
        statements.Add(new(s_edges, [Param.Id(toIssueId)]));
        return await Unit.BatchAsync(statements, ReadSummaryAsync).ConfigureAwait(false);
    }

    private async Task<OccurrenceSummary> ReadSummaryAsync(NpgsqlDataReader reader)
    {
        // The delete and the update return no rows: the first result set is the count.
        var ct = Unit.CancellationToken;
        while (reader.FieldCount == 0)
        {
            await reader.NextResultAsync(ct).ConfigureAwait(false);
        }

        await reader.ReadAsync(ct).ConfigureAwait(false);
        var (count, users) = (reader.GetInt32(0), reader.GetInt32(1));
        await reader.NextResultAsync(ct).ConfigureAwait(false);
        var edges = new List<IssueOccurrence>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            edges.Add(OccurrenceRows.Read(reader));
        }

        return new OccurrenceSummary(count, users, edges);
    }
}
