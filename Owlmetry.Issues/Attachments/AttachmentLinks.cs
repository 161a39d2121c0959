using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Attachments reach issues through their events (CONTRACT §7.2): when the scan places an event that carries a
/// <c>client_event_id</c>, the attachments already reserved for it are linked to its issue, and the placement is
/// remembered so that an attachment reserved later is linked at its reservation.
/// </summary>
internal static class AttachmentLinks
{
    public static async ValueTask OnEventLandedAsync(IIssueStoreWriter store, ErrorEvent errorEvent, FingerprintKey fingerprint, Guid issueId, DateTimeOffset now)
    {
        if (errorEvent.ClientEventId is not { } clientEventId)
        {
            return;
        }

        await store.RecordEventLandingAsync(new EventLanding
        {
            AppId = errorEvent.AppId,
            ClientEventId = clientEventId,
            EventId = errorEvent.Id,
            FingerprintHash = fingerprint.Hash,
            IsDev = fingerprint.IsDev,
            LandedAt = now,
        }).ConfigureAwait(false);
        foreach (var attachment in (await store.ListAttachmentsOfClientEventAsync(errorEvent.AppId, clientEventId).ConfigureAwait(false)).Where(a => a.IssueId is null))
        {
            await store.UpsertAttachmentAsync(attachment with { IssueId = issueId, EventId = errorEvent.Id }).ConfigureAwait(false);
        }
    }
}
