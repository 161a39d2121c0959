using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>The scan's batch lookups, each one statement over arrays (<c>= ANY</c>, or one index probe per key: <see cref="ProbeQueries"/>).</summary>
internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> FindIssueIdsByFingerprintsAsync(IReadOnlyCollection<FingerprintKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<FingerprintKey, Guid>();
        }

        var rows = await Unit.QueryAsync(
            ProbeQueries.Fingerprints(keys.Distinct().ToArray()),
            row => (Key: new FingerprintKey(row.GetString(0), row.GetGuid(1), row.GetBoolean(2)), IssueId: row.GetGuid(3))).ConfigureAwait(false);
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

        var found = await Unit.QueryAsync(ProbeQueries.OccurrenceSessions(pairs.Distinct().ToArray()), row => (row.GetGuid(0), row.GetGuid(1))).ConfigureAwait(false);
        return found.ToHashSet();
    }

    public async ValueTask<IReadOnlySet<(Guid IssueId, string UserId)>> FindOccurrenceUsersAsync(IReadOnlyCollection<(Guid IssueId, string UserId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return new HashSet<(Guid IssueId, string UserId)>();
        }

        var found = await Unit.QueryAsync(ProbeQueries.OccurrenceUsers(pairs.Distinct().ToArray()), row => (row.GetGuid(0), row.GetString(1))).ConfigureAwait(false);
        return found.ToHashSet();
    }

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsOfClientEventsAsync(IReadOnlyCollection<(Guid AppId, Guid ClientEventId)> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        if (clientEvents.Count == 0)
        {
            return [];
        }

        return await Unit.QueryAsync(ProbeQueries.AttachmentsOfClientEvents(clientEvents.Distinct().ToArray()), AttachmentRows.Read).ConfigureAwait(false);
    }
}
