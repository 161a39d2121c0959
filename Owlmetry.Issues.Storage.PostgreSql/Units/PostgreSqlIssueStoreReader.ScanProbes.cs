using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>The scan's batch lookups, each one statement over arrays (<c>= ANY</c>, or one index probe per key: <see cref="ProbeQueries"/>); the occurrence probes first read the groups of the batch's issues, in one statement of one probe per issue.</summary>
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

    public ValueTask<IReadOnlySet<(Guid IssueId, Guid SessionId)>> FindOccurrenceSessionsAsync(IReadOnlyCollection<(Guid IssueId, Guid SessionId)> pairs) =>
        ProbeIssuesGroupsAsync(pairs, ProbeQueries.OccurrenceSessions, row => row.GetGuid(1));

    public ValueTask<IReadOnlySet<(Guid IssueId, string UserId)>> FindOccurrenceUsersAsync(IReadOnlyCollection<(Guid IssueId, string UserId)> pairs) =>
        ProbeIssuesGroupsAsync(pairs, ProbeQueries.OccurrenceUsers, row => row.GetString(1));

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsOfClientEventsAsync(IReadOnlyCollection<(Guid AppId, Guid ClientEventId)> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        if (clientEvents.Count == 0)
        {
            return [];
        }

        return await Unit.QueryAsync(ProbeQueries.AttachmentsOfClientEvents(clientEvents.Distinct().ToArray()), AttachmentRows.Read).ConfigureAwait(false);
    }

    /// <summary>
    /// The (issue, key) pairs that one of the issue's occurrence groups has an occurrence of: the groups of the pairs'
    /// issues first, in one statement of one probe per issue, then one probe per pair and group.
    /// </summary>
    private async ValueTask<IReadOnlySet<(Guid IssueId, TKey Key)>> ProbeIssuesGroupsAsync<TKey>(
        IReadOnlyCollection<(Guid IssueId, TKey Key)> pairs, Func<(Guid IssueId, Guid GroupId, TKey Key)[], SqlStatement> probe, Func<NpgsqlDataReader, TKey> readKey)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var issueIds = pairs.Select(p => p.IssueId).Distinct().ToArray();
        if (issueIds.Length == 0)
        {
            return new HashSet<(Guid IssueId, TKey Key)>();
        }

        var groups = (await Unit.QueryAsync(ProbeQueries.GroupsOfIssues(issueIds), row => (IssueId: row.GetGuid(0), GroupId: row.GetGuid(1))).ConfigureAwait(false))
            .ToLookup(g => g.IssueId, g => g.GroupId);
        var probes = pairs.Distinct().SelectMany(p => groups[p.IssueId].Select(group => (p.IssueId, group, p.Key))).ToArray();
        if (probes.Length == 0)
        {
            return new HashSet<(Guid IssueId, TKey Key)>();
        }

        var found = await Unit.QueryAsync(probe(probes), row => (row.GetGuid(0), readKey(row))).ConfigureAwait(false);
        return found.ToHashSet();
    }
}
