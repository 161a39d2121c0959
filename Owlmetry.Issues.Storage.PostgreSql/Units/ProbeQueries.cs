using NpgsqlTypes;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// The batched lookups of ingest and the scan: for each key of the batch, one probe of an index by that key, as a
/// <c>LATERAL</c> subquery that the planner cannot turn into a join (<c>LIMIT 1</c>, or <c>OFFSET 0</c> where a key has
/// several rows). Written as a semi-join, a join or with <c>= ANY</c>, the planner chose a hash join over the whole
/// table, or a read of every key of the app, whenever the table's statistics lagged behind it (a new or fast-growing
/// table before autovacuum analyzes it): the cost of a batch then grew with the table, 15–180 ms at 100,000 rows against
/// 0.3–17 ms for the probes.
/// </summary>
internal static class ProbeQueries
{
    /// <summary>The client event ids of <paramref name="clientEventIds"/> already recorded for the app.</summary>
    public static SqlStatement ClientEvents(Guid appId, Guid[] clientEventIds) => new(
        "SELECT k.client_event_id FROM unnest($2::uuid[]) AS k(client_event_id) CROSS JOIN LATERAL " +
        "(SELECT 1 FROM client_events c WHERE c.app_id = $1 AND c.client_event_id = k.client_event_id LIMIT 1) AS found",
        [Param.Id(appId), Param.Array(clientEventIds, NpgsqlDbType.Uuid)]);

    /// <summary>The issue of each fingerprint of the batch that has one: columns hash, app, is_dev, issue.</summary>
    public static SqlStatement Fingerprints(FingerprintKey[] keys) => new(
        "SELECT k.hash, k.app_id, k.is_dev, found.issue_id FROM unnest($1::uuid[], $2::boolean[], $3::text[]) AS k(app_id, is_dev, hash) " +
        "CROSS JOIN LATERAL (SELECT f.issue_id FROM fingerprints f WHERE f.app_id = k.app_id AND f.is_dev = k.is_dev AND f.hash = k.hash LIMIT 1) AS found",
        [
            Param.Array(keys.Select(k => k.AppId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(keys.Select(k => k.IsDev).ToArray(), NpgsqlDbType.Boolean),
            Param.Array(keys.Select(k => k.Hash).ToArray(), NpgsqlDbType.Text),
        ]);

    /// <summary>
    /// The occurrence groups of each issue of the batch that has any: columns issue, group; several per issue. Written
    /// as one <c>= ANY</c> read of the issue index, the planner estimated a quarter of the table for fifty issues before
    /// the table was analyzed, and chose between that read and a sequential scan by a cost difference of about one
    /// percent.
    /// </summary>
    public static SqlStatement GroupsOfIssues(Guid[] issueIds) => new(
        "SELECT k.issue_id, found.group_id FROM unnest($1::uuid[]) AS k(issue_id) CROSS JOIN LATERAL " +
        "(SELECT g.group_id FROM occurrence_groups g WHERE g.issue_id = k.issue_id OFFSET 0) AS found",
        [Param.Array(issueIds, NpgsqlDbType.Uuid)]);

    /// <summary>
    /// The (issue, session) pairs of the batch that have an occurrence in the group named beside them, each group of the
    /// pair's issue a probe of its own (<see cref="GroupsOfIssues"/>): probing the issue's groups within each key's probe
    /// read occurrence_groups again for every key, and the planner turned that read into a sequential scan per key once
    /// autovacuum had analyzed the table.
    /// </summary>
    public static SqlStatement OccurrenceSessions((Guid IssueId, Guid GroupId, Guid SessionId)[] probes) =>
        OccurrencesByGroupAnd("session_id", "uuid", probes, NpgsqlDbType.Uuid);

    /// <summary>The (issue, user) pairs of the batch that have an occurrence in the group named beside them, as <see cref="OccurrenceSessions"/>.</summary>
    public static SqlStatement OccurrenceUsers((Guid IssueId, Guid GroupId, string UserId)[] probes) =>
        OccurrencesByGroupAnd("user_id", "text", probes, NpgsqlDbType.Text);

    /// <summary>The attachments reserved for, or uploaded with, each (app, client event) of the batch: several per key.</summary>
    public static SqlStatement AttachmentsOfClientEvents((Guid AppId, Guid ClientEventId)[] clientEvents) => new(
        "SELECT found.* FROM unnest($1::uuid[], $2::uuid[]) AS k(app_id, client_event_id) CROSS JOIN LATERAL " +
        // OFFSET 0 keeps the subquery a subquery: without a LIMIT the planner would pull it up into a join again.
        $"(SELECT {AttachmentRows.Columns} FROM attachments a WHERE a.app_id = k.app_id AND a.client_event_id = k.client_event_id OFFSET 0) AS found",
        [
            Param.Array(clientEvents.Select(c => c.AppId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(clientEvents.Select(c => c.ClientEventId).ToArray(), NpgsqlDbType.Uuid),
        ]);

    /// <summary>One probe of an index on (group, <paramref name="column"/>) per (issue, group, key): columns issue, key.</summary>
    private static SqlStatement OccurrencesByGroupAnd<TKey>(string column, string type, (Guid IssueId, Guid GroupId, TKey Key)[] probes, NpgsqlDbType keyType) => new(
        $"SELECT k.issue_id, k.{column} FROM unnest($1::uuid[], $2::uuid[], $3::{type}[]) AS k(issue_id, group_id, {column}) CROSS JOIN LATERAL " +
        $"(SELECT 1 FROM occurrences o WHERE o.group_id = k.group_id AND o.{column} = k.{column} LIMIT 1) AS found",
        [
            Param.Array(probes.Select(p => p.IssueId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(probes.Select(p => p.GroupId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(probes.Select(p => p.Key).ToArray(), keyType),
        ]);
}
