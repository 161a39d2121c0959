using System.Runtime.CompilerServices;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.Export;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>
/// Every record of a store, kind by kind, a page of <c>batch</c> records at a time, each page read in a unit of its
/// own: neither side ever holds a whole kind in memory. The copy and its check read through the same pages.
/// </summary>
internal static class StoreRecords
{
    public static IAsyncEnumerable<IReadOnlyList<Issue>> Issues(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, (Guid?)null, (r, after, take) => Export(r).ExportIssuesAsync(after, take), issue => issue.Id, batch, ct);

    public static IAsyncEnumerable<IReadOnlyList<KeyValuePair<FingerprintKey, Guid>>> Fingerprints(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, (FingerprintKey?)null, (r, after, take) => Export(r).ExportFingerprintsAsync(after, take), alias => alias.Key, batch, ct);

    public static IAsyncEnumerable<IReadOnlyList<IssueComment>> Comments(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, (Guid?)null, (r, after, take) => Export(r).ExportCommentsAsync(after, take), comment => comment.Id, batch, ct);

    public static IAsyncEnumerable<IReadOnlyList<IssueAttachment>> Attachments(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, (Guid?)null, (r, after, take) => Export(r).ExportAttachmentsAsync(after, take), attachment => attachment.Id, batch, ct);

    public static async IAsyncEnumerable<IReadOnlyList<AuditRecord>> AuditRecords(IIssueStore store, int batch, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in PagesAsync(store, 0L, (r, after, take) => Export(r).ExportAuditRecordsAsync(after, take), record => record.Key, batch, ct))
        {
            yield return page.Select(record => record.Value).ToList();
        }
    }

    public static IAsyncEnumerable<IReadOnlyList<AcceptedClientEvent>> ClientEvents(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(
            store, ((Guid, Guid)?)null, (r, after, take) => Export(r).ExportClientEventsAsync(after, take), key => (key.AppId, key.ClientEventId), batch, ct);

    public static IAsyncEnumerable<IReadOnlyList<ScanRun>> ScanRuns(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, (Guid?)null, (r, after, take) => Export(r).ExportScanRunsAsync(after, take), run => run.Id, batch, ct);

    public static IAsyncEnumerable<IReadOnlyList<OutboxNotification>> Notifications(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, (Guid?)null, (r, after, take) => Export(r).ExportNotificationsAsync(after, take), notification => notification.Id, batch, ct);

    public static IAsyncEnumerable<IReadOnlyList<ErrorEvent>> Events(IIssueStore store, int batch, CancellationToken ct) =>
        PagesAsync(store, 0L, (r, after, take) => r.ListEventsAfterAsync(after, take), errorEvent => errorEvent.Sequence, batch, ct);

    /// <summary>Every occurrence, issue by issue (in the issue's newest-first page order), through the reader's own occurrence pages.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<IssueOccurrence>> Occurrences(IIssueStore store, int batch, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var issues in Issues(store, batch, ct))
        {
            foreach (var issue in issues)
            {
                await foreach (var page in PagesAsync(
                    store, (KeysetKey?)null, (r, after, take) => r.ListOccurrencesAsync(issue.Id, after, take), occurrence => KeysetKey.Of(occurrence), batch, ct))
                {
                    yield return page;
                }
            }
        }
    }

    public static async IAsyncEnumerable<IReadOnlyList<WebhookDelivery>> Deliveries(IWebhookStoreExport store, int batch, [EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var page = await store.ExportDeliveriesAsync(after, batch, ct).ConfigureAwait(false);
            if (page.Count > 0)
            {
                yield return page;
            }

            if (page.Count < batch)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    private static IIssueStoreExportReader Export(IIssueStoreReader reader) => reader as IIssueStoreExportReader
        ?? throw new InvalidOperationException($"The issue store's reader ({reader.GetType().Name}) cannot export its records.");

    private static async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T, TCursor>(
        IIssueStore store,
        TCursor start,
        Func<IIssueStoreReader, TCursor, int, ValueTask<IReadOnlyList<T>>> read,
        Func<T, TCursor> next,
        int batch,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = start;
        while (true)
        {
            var after = cursor;
            var page = await store.ReadAsync(reader => read(reader, after, batch), ct).ConfigureAwait(false);
            if (page.Count > 0)
            {
                yield return page;
            }

            if (page.Count < batch)
            {
                yield break;
            }

            cursor = next(page[^1]);
        }
    }
}
