using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.Export;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>The writes of a copy from another store: events keep their sequences.</summary>
internal sealed partial class PostgreSqlIssueStoreWriter : IIssueStoreImportWriter
{
    private const string ImportEvents =
        "INSERT INTO events (" + EventRows.Columns + ") " +
        "SELECT e.seq, e.project_id, e.id, e.app_id, e.client_event_id, e.session_id, e.message, e.user_id, e.source_module, e.screen_name, " +
        "e.custom_attributes::jsonb, e.environment, e.os_version, e.app_version, e.sdk_name, e.sdk_version, e.build_number, e.device_model, e.is_dev, " +
        "e.country_code, e.ts, e.received_at " +
        "FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], " +
        "$11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::boolean[], $19::text[], $20::timestamptz[], " +
        "$21::timestamptz[], $22::bigint[]) AS e(project_id, id, app_id, client_event_id, session_id, message, user_id, source_module, screen_name, " +
        "custom_attributes, environment, os_version, app_version, sdk_name, sdk_version, build_number, device_model, is_dev, country_code, ts, " +
        "received_at, seq)";

    async ValueTask IIssueStoreImportWriter.ImportEventsAsync(IReadOnlyList<ErrorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0)
        {
            await Unit.ExecuteAsync(
                ImportEvents, [.. EventRows.Values(events), Param.Array(events.Select(e => e.Sequence).ToArray(), NpgsqlDbType.Bigint)]).ConfigureAwait(false);
        }
    }

    async ValueTask IIssueStoreImportWriter.SetLastEventSequenceAsync(long sequence) =>
        await Unit.ExecuteAsync("UPDATE scan_state SET last_event_sequence = $1", Param.Of(sequence)).ConfigureAwait(false);
}
