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
    /// <summary>
    /// Records the landings of a batch's events and links their reserved attachments, as one event after the other
    /// would: of two events with one client event id, the later landing stays and the first event's issue gets the
    /// attachments.
    /// </summary>
    public static async ValueTask OnEventsLandedAsync(
        IIssueStoreWriter store, IReadOnlyList<(ErrorEvent Event, FingerprintKey Fingerprint, Guid IssueId)> landed, DateTimeOffset now)
    {
        var identified = landed.Where(l => l.Event.ClientEventId is not null).ToList();
        if (identified.Count == 0)
        {
            return;
        }

        await store.RecordEventLandingsAsync([.. identified.Select(l => new EventLanding
        {
            AppId = l.Event.AppId,
            ClientEventId = l.Event.ClientEventId!.Value,
            EventId = l.Event.Id,
            FingerprintHash = l.Fingerprint.Hash,
            IsDev = l.Fingerprint.IsDev,
            LandedAt = now,
        })]).ConfigureAwait(false);
        var firsts = identified.DistinctBy(l => (l.Event.AppId, l.Event.ClientEventId!.Value)).ToList();
        var reserved = (await store.ListAttachmentsOfClientEventsAsync([.. firsts.Select(l => (l.Event.AppId, l.Event.ClientEventId!.Value))]).ConfigureAwait(false))
            .Where(a => a.IssueId is null)
            .ToLookup(a => (a.AppId, a.ClientEventId));
        foreach (var (errorEvent, _, issueId) in firsts)
        {
            foreach (var attachment in reserved[(errorEvent.AppId, errorEvent.ClientEventId!.Value)])
            {
                await store.UpsertAttachmentAsync(attachment with { IssueId = issueId, EventId = errorEvent.Id }).ConfigureAwait(false);
            }
        }
    }
}
