using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<IReadOnlyList<ScanRun>> ListScanRunsOfTeamAsync(Guid teamId, KeysetKey? after, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        var cursor = after is { } c
            ? (Time: Param.Time(DateTimeOffset.FromUnixTimeMilliseconds(c.Value)), Id: Param.Id(c.Id))
            : (Time: Param.Time((DateTimeOffset?)null), Id: Param.Id(null));
        return await Unit.QueryAsync(
            $"SELECT {ScanRunRows.Columns} FROM scan_runs WHERE triggered_by_team_id = $1 AND ($2::timestamptz IS NULL OR (started_at, id) < ($2, $3)) " +
            "ORDER BY started_at DESC, id DESC LIMIT $4",
            ScanRunRows.Read,
            Param.Id(teamId),
            cursor.Time,
            cursor.Id,
            Param.Of(take)).ConfigureAwait(false);
    }
}
