using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> ListFingerprintsAsync(Guid appId)
    {
        var aliases = await Unit.QueryAsync(
            "SELECT hash, is_dev, issue_id FROM fingerprints WHERE app_id = $1",
            row => (Key: new FingerprintKey(row.GetString(0), appId, row.GetBoolean(1)), IssueId: row.GetGuid(2)),
            Param.Id(appId)).ConfigureAwait(false);
        return aliases.ToDictionary(alias => alias.Key, alias => alias.IssueId);
    }

    public async ValueTask<IReadOnlyDictionary<Guid, int>> CountOccurrencesByIssueAsync()
    {
        var counts = await Unit.QueryAsync(
            $"SELECT g.issue_id, count(*)::integer FROM {OccurrenceRows.OfGroups} GROUP BY g.issue_id",
            row => (IssueId: row.GetGuid(0), Count: row.GetInt32(1))).ConfigureAwait(false);
        return counts.ToDictionary(count => count.IssueId, count => count.Count);
    }
}
