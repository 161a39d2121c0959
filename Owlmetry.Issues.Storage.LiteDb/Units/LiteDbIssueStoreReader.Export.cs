using LiteDB;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.Export;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>The whole-store export: every collection walked in primary-key order, a page at a time.</summary>
internal partial class LiteDbIssueStoreReader : IIssueStoreExportReader
{
    ValueTask<IReadOnlyList<Issue>> IIssueStoreExportReader.ExportIssuesAsync(Guid? after, int take) =>
        Export(Collections.Issues, after is { } id ? new BsonValue(id) : null, take, document => document.ToIssue());

    ValueTask<IReadOnlyList<KeyValuePair<FingerprintKey, Guid>>> IIssueStoreExportReader.ExportFingerprintsAsync(FingerprintKey? after, int take) =>
        Export(
            Collections.Fingerprints,
            after is { } key ? new BsonValue(StorageKeys.Fingerprint(key)) : null,
            take,
            document => KeyValuePair.Create(new FingerprintKey(document.Hash, document.AppId, document.IsDev), document.IssueId));

    ValueTask<IReadOnlyList<IssueComment>> IIssueStoreExportReader.ExportCommentsAsync(Guid? after, int take) =>
        Export(Collections.Comments, after is { } id ? new BsonValue(id) : null, take, document => document.ToComment());

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreExportReader.ExportAttachmentsAsync(Guid? after, int take) =>
        Export(Collections.Attachments, after is { } id ? new BsonValue(id) : null, take, document => document.ToAttachment());

    ValueTask<IReadOnlyList<KeyValuePair<long, AuditRecord>>> IIssueStoreExportReader.ExportAuditRecordsAsync(long after, int take) =>
        Export(Collections.Audit, new BsonValue(after), take, document => KeyValuePair.Create(document.Id, document.ToRecord()));

    ValueTask<IReadOnlyList<AcceptedClientEvent>> IIssueStoreExportReader.ExportClientEventsAsync(
        (Guid AppId, Guid ClientEventId)? after, int take) =>
        Export(
            Collections.ClientEvents,
            after is { } key ? new BsonValue(StorageKeys.ClientEvent(key.AppId, key.ClientEventId)) : null,
            take,
            document => new AcceptedClientEvent(
                Guid.ParseExact(document.Id.AsSpan(0, 32), "N"), StorageKeys.ClientEventId(document.Id), document.EventSequence));

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreExportReader.ExportScanRunsAsync(Guid? after, int take) =>
        Export(Collections.ScanRuns, after is { } id ? new BsonValue(id) : null, take, document => document.ToRun());

    ValueTask<IReadOnlyList<OutboxNotification>> IIssueStoreExportReader.ExportNotificationsAsync(Guid? after, int take) =>
        Export(Collections.Notifications, after is { } id ? new BsonValue(id) : null, take, document => document.ToNotification());

    ValueTask<IReadOnlyDictionary<Guid, DateTimeOffset>> IIssueStoreExportReader.ExportDigestTimesAsync()
    {
        EnsureInUnit();
        return new(Collections.DigestState.FindAll().ToDictionary(document => document.Id, document => UnixTime.ToTime(document.LastDigestAt)));
    }

    private ValueTask<IReadOnlyList<TRecord>> Export<TDocument, TRecord>(
        ILiteCollection<TDocument> collection, BsonValue? after, int take, Func<TDocument, TRecord> read)
    {
        EnsureInUnit();
        if (take <= 0)
        {
            return new([]);
        }

        var query = collection.Query();
        if (after is not null)
        {
            query = query.Where(BsonExpression.Create("$._id > @0", after));
        }

        return new(query.OrderBy(BsonExpression.Create("$._id")).Limit(take).ToEnumerable().Select(read).ToList());
    }
}
