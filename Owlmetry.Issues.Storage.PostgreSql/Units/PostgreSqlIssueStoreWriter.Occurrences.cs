using Npgsql;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal sealed partial class PostgreSqlIssueStoreWriter
{
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
        SqlStatement[] moves = fromIssueId == toIssueId
            ? []
            : [MergeQueries.DeleteSharedSessions(fromIssueId, toIssueId), MergeQueries.Regroup(fromIssueId, toIssueId)];
        return await Unit.BatchAsync([.. moves, MergeQueries.Counts(toIssueId), MergeQueries.Edges(toIssueId)], ReadSummaryAsync).ConfigureAwait(false);
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
