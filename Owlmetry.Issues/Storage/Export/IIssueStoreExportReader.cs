using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.Export;

/// <summary>
/// Whole-store enumeration for copying a store to another provider and checking the copy: every record of each kind,
/// soft-deleted, reserved and settled ones included, in pages of <c>take</c> records strictly after the key of the
/// previous page's last record, in an order of the provider's choosing that is stable for one state of the store. A
/// provider's reader implements it beside <see cref="IIssueStoreReader"/>; call it inside
/// <see cref="IIssueStore.ReadAsync{T}"/> with the reader cast to this interface. Occurrences are read per issue with
/// <see cref="IIssueStoreReader.ListOccurrencesAsync"/>, events with <see cref="IIssueStoreReader.ListEventsAfterAsync"/>.
/// </summary>
public interface IIssueStoreExportReader
{
    /// <summary>Issues, in id order.</summary>
    ValueTask<IReadOnlyList<Issue>> ExportIssuesAsync(Guid? after, int take);

    /// <summary>Fingerprint aliases with the id of the issue each names.</summary>
    ValueTask<IReadOnlyList<KeyValuePair<FingerprintKey, Guid>>> ExportFingerprintsAsync(FingerprintKey? after, int take);

    /// <summary>Comments, deleted ones included, in id order.</summary>
    ValueTask<IReadOnlyList<IssueComment>> ExportCommentsAsync(Guid? after, int take);

    /// <summary>Attachment rows, reserved and deleted ones included, in id order.</summary>
    ValueTask<IReadOnlyList<IssueAttachment>> ExportAttachmentsAsync(Guid? after, int take);

    /// <summary>
    /// Audit records in the order they were appended, each with its append position (the key of the next page):
    /// appended in that order, a copy keeps every issue's trail in order.
    /// </summary>
    ValueTask<IReadOnlyList<KeyValuePair<long, AuditRecord>>> ExportAuditRecordsAsync(long after, int take);

    /// <summary>The client event ids recorded, with their events' sequences, keyed by (app, client event id).</summary>
    ValueTask<IReadOnlyList<AcceptedClientEvent>> ExportClientEventsAsync((Guid AppId, Guid ClientEventId)? after, int take);

    /// <summary>Scan runs, background ones included, in id order.</summary>
    ValueTask<IReadOnlyList<ScanRun>> ExportScanRunsAsync(Guid? after, int take);

    /// <summary>Outbox notifications, settled ones included, in id order.</summary>
    ValueTask<IReadOnlyList<OutboxNotification>> ExportNotificationsAsync(Guid? after, int take);

    /// <summary>When each project's last digest went out (one row per project that had one).</summary>
    ValueTask<IReadOnlyDictionary<Guid, DateTimeOffset>> ExportDigestTimesAsync();
}
