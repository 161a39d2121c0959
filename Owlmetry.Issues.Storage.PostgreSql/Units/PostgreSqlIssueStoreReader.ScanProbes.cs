using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>The scan's batch lookups, each one statement over arrays (<c>= ANY</c>, or a join with <c>unnest</c> for pairs).</summary>
internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> FindIssueIdsByFingerprintsAsync(IReadOnlyCollection<FingerprintKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<FingerprintKey, Guid>();
        }

        var distinct = keys.Distinct().ToArray();
        var rows = await Unit.QueryAsync(
            "SELECT f.hash, f.app_id, f.is_dev, f.issue_id FROM unnest($1::uuid[], $2::boolean[], $3::text[]) AS k(app_id, is_dev, hash) " +
            "JOIN fingerprints f ON f.app_id = k.app_id AND f.is_dev = k.is_dev AND f.hash = k.hash",
            row => (Key: new FingerprintKey(row.GetString(0), row.GetGuid(1), row.GetBoolean(2)), IssueId: row.GetGuid(3)),
            Param.Array(distinct.Select(k => k.AppId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(distinct.Select(k => k.IsDev).ToArray(), NpgsqlDbType.Boolean),
            Param.Array(distinct.Select(k => k.Hash).ToArray(), NpgsqlDbType.Text)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.IssueId);
    }

    public async ValueTask<IReadOnlyDictionary<Guid, Issue>> FindIssuesAsync(IReadOnlyCollection<Guid> issueIds)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        if (issueIds.Count == 0)
        {
            return new Dictionary<Guid, Issue>();
        }

        var issues = await Unit.QueryAsync(
            $"SELECT {IssueRows.Columns} FROM issues WHERE id = ANY($1)", IssueRows.Read, Param.Array(issueIds.Distinct().ToArray(), NpgsqlDbType.Uuid))
            .ConfigureAwait(false);
        return issues.ToDictionary(i => i.Id);
    }

    public async ValueTask<IReadOnlySet<(Guid IssueId, Guid SessionId)>> FindOccurrenceSessionsAsync(IReadOnlyCollection<(Guid IssueId, Guid SessionId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return new HashSet<(Guid IssueId, Guid SessionId)>();
        }

        var distinct = pairs.Distinct().ToArray();
        var found = await Unit.QueryAsync(
            "SELECT p.issue_id, p.session_id FROM unnest($1::uuid[], $2::uuid[]) AS p(issue_id, session_id) " +
            $"WHERE EXISTS (SELECT 1 FROM {OccurrenceRows.OfGroups} WHERE g.issue_id = p.issue_id AND o.session_id = p.session_id)",
            row => (row.GetGuid(0), row.GetGuid(1)),
            Param.Array(distinct.Select(p => p.IssueId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(distinct.Select(p => p.SessionId).ToArray(), NpgsqlDbType.Uuid)).ConfigureAwait(false);
        return found.ToHashSet();
    }

    public async ValueTask<IReadOnlySet<(Guid IssueId, string UserId)>> FindOccurrenceUsersAsync(IReadOnlyCollection<(Guid IssueId, string UserId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return new HashSet<(Guid IssueId, string UserId)>();
        }

        var distinct = pairs.Distinct().ToArray();
        var found = await Unit.QueryAsync(
            "SELECT p.issue_id, p.user_id FROM unnest($1::uuid[], $2::text[]) AS p(issue_id, user_id) " +
            $"WHERE EXISTS (SELECT 1 FROM {OccurrenceRows.OfGroups} WHERE g.issue_id = p.issue_id AND o.user_id = p.user_id)",
            row => (row.GetGuid(0), row.GetString(1)),
            Param.Array(distinct.Select(p => p.IssueId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(distinct.Select(p => p.UserId).ToArray(), NpgsqlDbType.Text)).ConfigureAwait(false);
        return found.ToHashSet();
    }

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsOfClientEventsAsync(IReadOnlyCollection<(Guid AppId, Guid ClientEventId)> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        if (clientEvents.Count == 0)
        {
            return [];
        }

        var distinct = clientEvents.Distinct().ToArray();
        return await Unit.QueryAsync(
            $"SELECT {AttachmentRows.Columns} FROM attachments WHERE (app_id, client_event_id) IN " +
            "(SELECT * FROM unnest($1::uuid[], $2::uuid[]))",
            AttachmentRows.Read,
            Param.Array(distinct.Select(c => c.AppId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(distinct.Select(c => c.ClientEventId).ToArray(), NpgsqlDbType.Uuid)).ConfigureAwait(false);
    }
}
