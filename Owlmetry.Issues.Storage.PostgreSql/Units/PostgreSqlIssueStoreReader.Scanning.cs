using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<long> GetScanCheckpointAsync() =>
        await Unit.ScalarAsync<long>("SELECT scan_checkpoint FROM scan_state").ConfigureAwait(false);

    public async ValueTask<long> GetLastEventSequenceAsync() =>
        await Unit.ScalarAsync<long>("SELECT last_event_sequence FROM scan_state").ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ErrorEvent>> ListEventsAfterAsync(long sequence, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return await Unit.QueryAsync(
            $"SELECT {EventRows.Columns} FROM events WHERE seq > $1 ORDER BY seq LIMIT $2", EventRows.Read, Param.Of(sequence), Param.Of(take))
            .ConfigureAwait(false);
    }

    public async ValueTask<bool> HasClientEventAsync(Guid appId, Guid clientEventId) =>
        await Unit.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM client_events WHERE app_id = $1 AND client_event_id = $2)", Param.Id(appId), Param.Id(clientEventId))
            .ConfigureAwait(false);

    public async ValueTask<long?> FindEventSequenceOfClientEventAsync(Guid appId, Guid clientEventId) =>
        await Unit.ScalarAsync<long?>(
            "SELECT event_seq FROM client_events WHERE app_id = $1 AND client_event_id = $2",
            Param.Id(appId),
            Param.Id(clientEventId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlySet<Guid>> FindClientEventsAsync(Guid appId, IReadOnlyCollection<Guid> clientEventIds)
    {
        ArgumentNullException.ThrowIfNull(clientEventIds);
        if (clientEventIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var recorded = await Unit.QueryAsync(ProbeQueries.ClientEvents(appId, clientEventIds.ToArray()), row => row.GetGuid(0)).ConfigureAwait(false);
        return recorded.ToHashSet();
    }

    public async ValueTask<bool> HasOccurrenceOfUserAsync(Guid issueId, string userId) =>
        await Unit.ScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM {OccurrenceRows.OfGroups} WHERE g.issue_id = $1 AND o.user_id = $2)", Param.Id(issueId), Param.Text(userId))
            .ConfigureAwait(false);

    public async ValueTask<ScanRun?> FindScanRunAsync(Guid runId) =>
        await Unit.QuerySingleAsync($"SELECT {ScanRunRows.Columns} FROM scan_runs WHERE id = $1", ScanRunRows.Read, Param.Id(runId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ScanRun>> ListScanRunsAsync(int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return await Unit.QueryAsync(
            $"SELECT {ScanRunRows.Columns} FROM scan_runs ORDER BY started_at DESC, id DESC LIMIT $1", ScanRunRows.Read, Param.Of(take))
            .ConfigureAwait(false);
    }
}
