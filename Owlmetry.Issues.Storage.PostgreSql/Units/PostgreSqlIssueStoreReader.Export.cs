using Npgsql;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.Export;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// The whole-store export: every table walked along its primary key (text in byte order), a page at a time: each page
/// is one index range scan from the previous page's last key, one statement of the unit's snapshot.
/// </summary>
internal partial class PostgreSqlIssueStoreReader : IIssueStoreExportReader
{
    ValueTask<IReadOnlyList<Issue>> IIssueStoreExportReader.ExportIssuesAsync(Guid? after, int take) =>
        ByIdAsync("issues", IssueRows.Columns, IssueRows.Read, after, take);

    async ValueTask<IReadOnlyList<KeyValuePair<FingerprintKey, Guid>>> IIssueStoreExportReader.ExportFingerprintsAsync(FingerprintKey? after, int take) =>
        take <= 0
            ? []
            : await Unit.QueryAsync(
                "SELECT app_id, is_dev, hash, issue_id FROM fingerprints " +
                (after is null ? "" : "WHERE (app_id, is_dev, hash COLLATE \"C\") > ($2, $3, $4 COLLATE \"C\") ") +
                "ORDER BY app_id, is_dev, hash COLLATE \"C\" LIMIT $1",
                row => KeyValuePair.Create(new FingerprintKey(row.GetString(2), row.GetGuid(0), row.GetBoolean(1)), row.GetGuid(3)),
                [Param.Of(take), .. after is { } key ? [Param.Id(key.AppId), Param.Of(key.IsDev), Param.Text(key.Hash)] : Array.Empty<NpgsqlParameter>()])
                .ConfigureAwait(false);

    ValueTask<IReadOnlyList<IssueComment>> IIssueStoreExportReader.ExportCommentsAsync(Guid? after, int take) =>
        ByIdAsync("comments", CommentRows.Columns, CommentRows.Read, after, take);

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreExportReader.ExportAttachmentsAsync(Guid? after, int take) =>
        ByIdAsync("attachments", AttachmentRows.Columns, AttachmentRows.Read, after, take);

    async ValueTask<IReadOnlyList<KeyValuePair<long, AuditRecord>>> IIssueStoreExportReader.ExportAuditRecordsAsync(long after, int take) =>
        take <= 0
            ? []
            : await Unit.QueryAsync(
                $"SELECT {AuditRows.Columns}, seq FROM audit_records WHERE seq > $1 ORDER BY seq LIMIT $2",
                row => KeyValuePair.Create(row.GetInt64(row.FieldCount - 1), AuditRows.Read(row)),
                Param.Of(after),
                Param.Of(take)).ConfigureAwait(false);

    async ValueTask<IReadOnlyList<AcceptedClientEvent>> IIssueStoreExportReader.ExportClientEventsAsync(
        (Guid AppId, Guid ClientEventId)? after, int take) =>
        take <= 0
            ? []
            : await Unit.QueryAsync(
                "SELECT app_id, client_event_id, event_seq FROM client_events " +
                $"{(after is null ? "" : "WHERE (app_id, client_event_id) > ($2, $3) ")}ORDER BY app_id, client_event_id LIMIT $1",
                row => new AcceptedClientEvent(row.GetGuid(0), row.GetGuid(1), row.IsDBNull(2) ? null : row.GetInt64(2)),
                [Param.Of(take), .. after is { } key ? [Param.Id(key.AppId), Param.Id(key.ClientEventId)] : Array.Empty<NpgsqlParameter>()])
                .ConfigureAwait(false);

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreExportReader.ExportScanRunsAsync(Guid? after, int take) =>
        ByIdAsync("scan_runs", ScanRunRows.Columns, ScanRunRows.Read, after, take);

    ValueTask<IReadOnlyList<OutboxNotification>> IIssueStoreExportReader.ExportNotificationsAsync(Guid? after, int take) =>
        ByIdAsync("notifications", NotificationRows.Columns, NotificationRows.Read, after, take);

    async ValueTask<IReadOnlyDictionary<Guid, DateTimeOffset>> IIssueStoreExportReader.ExportDigestTimesAsync() =>
        (await Unit.QueryAsync("SELECT project_id, last_digest_at FROM digest_state", row => (Id: row.GetGuid(0), At: row.Time(1))).ConfigureAwait(false))
            .ToDictionary(row => row.Id, row => row.At);

    private async ValueTask<IReadOnlyList<T>> ByIdAsync<T>(string table, string columns, Func<NpgsqlDataReader, T> read, Guid? after, int take) =>
        take <= 0
            ? []
            : await Unit.QueryAsync(
                $"SELECT {columns} FROM {table} {(after is null ? "" : "WHERE id > $2 ")}ORDER BY id LIMIT $1",
                read,
                [Param.Of(take), .. after is { } id ? [Param.Id(id)] : Array.Empty<NpgsqlParameter>()]).ConfigureAwait(false);
}
