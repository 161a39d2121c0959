using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal sealed partial class PostgreSqlIssueStoreWriter
{
    public async ValueTask DeleteAttachmentAsync(Guid attachmentId) =>
        await Unit.ExecuteAsync("DELETE FROM attachments WHERE id = $1", Param.Id(attachmentId)).ConfigureAwait(false);

    public async ValueTask RecordEventLandingAsync(EventLanding landing)
    {
        ArgumentNullException.ThrowIfNull(landing);
        await Unit.ExecuteAsync(
            $"INSERT INTO event_landings ({EventLandingRows.Columns}) VALUES ($1, $2, $3, $4, $5, $6) " +
            "ON CONFLICT (app_id, client_event_id) DO UPDATE SET event_id = excluded.event_id, fingerprint_hash = excluded.fingerprint_hash, " +
            "is_dev = excluded.is_dev, landed_at = excluded.landed_at",
            EventLandingRows.Values(landing)).ConfigureAwait(false);
    }

    public async ValueTask<int> DeleteEventLandingsBeforeAsync(DateTimeOffset cutoff) =>
        await Unit.ExecuteAsync("DELETE FROM event_landings WHERE landed_at < $1", Param.Time(cutoff)).ConfigureAwait(false);
}
