using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal sealed partial class PostgreSqlIssueStoreWriter
{
    public async ValueTask<long> AppendEventAsync(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        return (await AppendEventsAsync([errorEvent]).ConfigureAwait(false))[0];
    }

    /// <summary>One statement takes the sequences and inserts every event from arrays.</summary>
    public async ValueTask<IReadOnlyList<long>> AppendEventsAsync(IReadOnlyList<ErrorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        var sequences = await Unit.QueryAsync(EventRows.Append, row => row.GetInt64(0), EventRows.Values(events)).ConfigureAwait(false);
        sequences.Sort();
        return sequences;
    }

    public ValueTask RecordClientEventAsync(AcceptedClientEvent clientEvent) => RecordClientEventsAsync([clientEvent]);

    /// <summary>One insert from arrays; the primary key refuses an id already recorded or given twice.</summary>
    public async ValueTask RecordClientEventsAsync(IReadOnlyCollection<AcceptedClientEvent> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        if (clientEvents.Count > 0)
        {
            await Unit.ExecuteAsync(
                "INSERT INTO client_events (app_id, client_event_id, event_seq) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[])",
                Param.Array(clientEvents.Select(c => c.AppId).ToArray(), NpgsqlDbType.Uuid),
                Param.Array(clientEvents.Select(c => c.ClientEventId).ToArray(), NpgsqlDbType.Uuid),
                Param.Array(clientEvents.Select(c => c.EventSequence).ToArray(), NpgsqlDbType.Bigint)).ConfigureAwait(false);
        }
    }

    public async ValueTask SetScanCheckpointAsync(long sequence) =>
        await Unit.ExecuteAsync("UPDATE scan_state SET scan_checkpoint = $1", Param.Of(sequence)).ConfigureAwait(false);

    public async ValueTask SaveScanRunAsync(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await Unit.ExecuteAsync(ScanRunRows.Upsert, ScanRunRows.Values(run)).ConfigureAwait(false);
    }

    /// <summary>
    /// The expired scanned prefix of the sequence order: everything before the first event that is unscanned or still
    /// within retention. Finding that bound reads the primary key from the start, so only what is deleted and one more.
    /// </summary>
    public async ValueTask<int> DeleteScannedEventsReceivedBeforeAsync(DateTimeOffset cutoff) =>
        await Unit.ExecuteAsync(
            "DELETE FROM events WHERE seq < least(" +
            "(SELECT scan_checkpoint + 1 FROM scan_state), " +
            "coalesce((SELECT seq FROM events WHERE received_at >= $1 AND seq <= (SELECT scan_checkpoint FROM scan_state) ORDER BY seq LIMIT 1), " +
            "9223372036854775807))",
            Param.Time(cutoff)).ConfigureAwait(false);
}
