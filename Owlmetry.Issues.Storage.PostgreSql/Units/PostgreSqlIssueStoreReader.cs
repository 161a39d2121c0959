using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>The reads of one unit of work, each one statement in the unit's transaction.</summary>
internal partial class PostgreSqlIssueStoreReader(PostgreSqlUnit unit) : IIssueStoreReader
{
    internal PostgreSqlUnit Unit { get; } = unit;

    public async ValueTask<Issue?> FindIssueAsync(Guid issueId) =>
        await Unit.QuerySingleAsync($"SELECT {IssueRows.Columns} FROM issues WHERE id = $1", IssueRows.Read, Param.Id(issueId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Issue>> ListIssuesAsync(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (take <= 0 || filter.ProjectIds.Count == 0)
        {
            return [];
        }

        return await Unit.QueryAsync(ListQueries.Issues(filter, sort, after, take), IssueRows.Read).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<IssueStatus, int>> CountIssuesByStatusAsync(IssueListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.ProjectIds.Count == 0)
        {
            return new Dictionary<IssueStatus, int>();
        }

        var rows = await Unit.QueryAsync(
            "SELECT status, count(*)::integer FROM issues WHERE project_id = ANY($1) AND ($2::uuid IS NULL OR app_id = $2) " +
            "AND ($3::boolean IS NULL OR is_dev = $3) AND ($4::text IS NULL OR status = $4) GROUP BY status",
            row => (Status: row.Name<IssueStatus>(0), Count: row.GetInt32(1)),
            Param.Array([.. filter.ProjectIds.Distinct()], NpgsqlDbType.Uuid),
            Param.Id(filter.AppId),
            new NpgsqlParameter<bool?> { TypedValue = filter.IsDev, NpgsqlDbType = NpgsqlDbType.Boolean },
            Param.Text(filter.Status?.ToString())).ConfigureAwait(false);
        return rows.ToDictionary(row => row.Status, row => row.Count);
    }

    public async ValueTask<IReadOnlyList<IssueDayCount>> CountOccurrencesByDayAsync(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        if (issueIds.Count == 0)
        {
            return [];
        }

        return await Unit.QueryAsync(
            ListQueries.OccurrencesByDay([.. issueIds.Distinct()], since),
            row => new IssueDayCount(row.GetGuid(0), row.GetFieldValue<DateOnly>(1), row.GetInt32(2))).ConfigureAwait(false);
    }

    /// <summary>One statement: the three counts as grouping sets over the issue's groups' occurrences.</summary>
    public async ValueTask<OccurrenceSplits> SplitOccurrencesAsync(Guid issueId)
    {
        var rows = await Unit.QueryAsync(
            "SELECT GROUPING(s.app_version, s.environment, s.country_code), coalesce(s.app_version, s.environment, s.country_code), count(*)::int " +
            $"FROM {OccurrenceRows.InGroupsOf("$1", "o.app_version, o.environment, o.country_code", "s")} " +
            "GROUP BY GROUPING SETS ((s.app_version), (s.environment), (s.country_code))",
            row => (Set: row.GetInt32(0), Value: row.IsDBNull(1) ? null : row.GetString(1), Count: row.GetInt32(2)),
            Param.Id(issueId)).ConfigureAwait(false);

        // GROUPING() sets a bit for each column a row is not grouped by: 3 (0b011) is the app version's set, 5 the
        // environment's, 6 the country's.
        List<ValueCount> Of(int set) => [.. rows.Where(r => r.Set == set).Select(r => new ValueCount(r.Value, r.Count))];
        return new OccurrenceSplits(Of(3), Of(5), Of(6));
    }

    public async ValueTask<Guid?> FindIssueIdByFingerprintAsync(FingerprintKey key) =>
        await Unit.ScalarAsync<Guid?>(
            "SELECT issue_id FROM fingerprints WHERE app_id = $1 AND is_dev = $2 AND hash = $3",
            Param.Id(key.AppId),
            Param.Of(key.IsDev),
            Param.Text(key.Hash)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<IssueOccurrence>> ListOccurrencesAsync(Guid issueId, KeysetKey? after, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return await Unit.QueryAsync(ListQueries.Occurrences(issueId, after, take), OccurrenceRows.Read).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<IssueOccurrence>> GetAllOccurrencesAsync(Guid issueId) =>
        await Unit.QueryAsync($"SELECT {OccurrenceRows.Columns} FROM {OccurrenceRows.InGroupsOf("$1", "o.*", "o")}", OccurrenceRows.Read, Param.Id(issueId))
            .ConfigureAwait(false);

    public async ValueTask<bool> HasOccurrenceInSessionAsync(Guid issueId, Guid sessionId) =>
        await Unit.ScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM {OccurrenceRows.OfGroups} WHERE g.issue_id = $1 AND o.session_id = $2)", Param.Id(issueId), Param.Id(sessionId)).ConfigureAwait(false);

    public async ValueTask<IssueComment?> FindCommentAsync(Guid commentId) =>
        await Unit.QuerySingleAsync($"SELECT {CommentRows.Columns} FROM comments WHERE id = $1", CommentRows.Read, Param.Id(commentId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<IssueComment>> ListCommentsAsync(Guid issueId) =>
        await Unit.QueryAsync(
            $"SELECT {CommentRows.Columns} FROM comments WHERE issue_id = $1 AND deleted_at IS NULL ORDER BY created_at, id",
            CommentRows.Read,
            Param.Id(issueId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsAsync(Guid issueId, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return await Unit.QueryAsync(
            $"SELECT {AttachmentRows.Columns} FROM attachments WHERE issue_id = $1 AND uploaded_at IS NOT NULL AND deleted_at IS NULL " +
            "ORDER BY created_at DESC, id DESC LIMIT $2",
            AttachmentRows.Read,
            Param.Id(issueId),
            Param.Of(take)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<AuditRecord>> ListAuditRecordsAsync(Guid issueId) =>
        await Unit.QueryAsync($"SELECT {AuditRows.Columns} FROM audit_records WHERE issue_id = $1 ORDER BY seq", AuditRows.Read, Param.Id(issueId))
            .ConfigureAwait(false);
}
