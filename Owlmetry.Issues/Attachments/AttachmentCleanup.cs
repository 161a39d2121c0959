using Microsoft.Extensions.Options;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Purges what attachments leave behind, on the injected clock: soft-deleted attachments after
/// <see cref="AttachmentOptions.DeletedRetention"/> and reservations whose bytes never arrived after
/// <see cref="AttachmentOptions.UploadWindow"/>, bytes first and then the row, so that a crash in between leaves a
/// row that the next run purges again rather than bytes nothing points to.
/// Run it by hand, or in the background with <c>AddAttachmentCleanup()</c>.
/// </summary>
public sealed class AttachmentCleanup
{
    private const int BatchSize = 100;

    private readonly IIssueStore _store;
    private readonly IAttachmentBlobStore _blobs;
    private readonly AttachmentUploadGate _gate;
    private readonly TimeProvider _timeProvider;
    private readonly AttachmentOptions _options;

    internal AttachmentCleanup(IIssueStore store, IAttachmentBlobStore blobs, AttachmentUploadGate gate, TimeProvider timeProvider, IOptions<AttachmentOptions> options)
    {
        _store = store;
        _blobs = blobs;
        _gate = gate;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <summary>Purges everything due now.</summary>
    /// <returns>What was removed.</returns>
    public async Task<AttachmentCleanupResult> RunAsync(CancellationToken ct = default)
    {
        var now = _timeProvider.GetUtcNowMilliseconds();
        var deletedBefore = now - _options.DeletedRetention;
        var reservedBefore = now - _options.UploadWindow;
        int deleted = 0, abandoned = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            var batch = await _store.ReadAsync(r => r.ListAttachmentsToPurgeAsync(deletedBefore, reservedBefore, BatchSize + skipped.Count), ct)
                .ConfigureAwait(false);
            var due = batch.Where(a => !skipped.Contains(a.Id)).ToList();
            if (due.Count == 0)
            {
                break;
            }

            foreach (var attachment in due)
            {
                // An upload that began inside its window may still be streaming: its reservation waits for the next run.
                if (_gate.IsUploading(attachment.Id) || !await PurgeAsync(attachment.Id, deletedBefore, reservedBefore, ct).ConfigureAwait(false))
                {
                    skipped.Add(attachment.Id);
                }
                else if (attachment.DeletedAt is not null)
                {
                    deleted++;
                }
                else
                {
                    abandoned++;
                }
            }
        }

        return new AttachmentCleanupResult(deleted, abandoned);
    }

    /// <returns>Whether the row was purged; false when it stopped being due since it was listed.</returns>
    private async Task<bool> PurgeAsync(Guid attachmentId, DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, CancellationToken ct)
    {
        var current = await _store.ReadAsync(r => r.FindAttachmentAsync(attachmentId), ct).ConfigureAwait(false);
        if (current is null || !IsDue(current, deletedBefore, reservedBefore))
        {
            return false;
        }

        await _blobs.DeleteAsync(attachmentId, ct).ConfigureAwait(false);
        return await _store.WriteAsync(
            async writer =>
            {
                if (await writer.FindAttachmentAsync(attachmentId).ConfigureAwait(false) is not { } row || !IsDue(row, deletedBefore, reservedBefore))
                {
                    return false;
                }

                await writer.DeleteAttachmentAsync(attachmentId).ConfigureAwait(false);
                return true;
            },
            ct).ConfigureAwait(false);
    }

    private static bool IsDue(IssueAttachment attachment, DateTimeOffset deletedBefore, DateTimeOffset reservedBefore) =>
        attachment.DeletedAt < deletedBefore || (!attachment.IsUploaded && attachment.CreatedAt < reservedBefore);
}
