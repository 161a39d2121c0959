using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Attachments reach issues through their events (CONTRACT §7.2): when the scan places an event that carries a
/// <c>client_event_id</c>, the attachments already reserved for it are linked to its issue; an attachment reserved
/// after that finds the event through the sequence recorded with its client id, and the issue through the event's
/// fingerprint alias, which merges re-point.
/// </summary>
internal static class AttachmentLinks
{
    /// <summary>
    /// Links the attachments reserved for a batch's events to the issues the events landed on. Of two events with one
    /// client event id, the first one's issue gets the attachments.
    /// </summary>
    public static async ValueTask OnEventsLandedAsync(
        IIssueStoreWriter store, IReadOnlyList<(ErrorEvent Event, FingerprintKey Fingerprint, Guid IssueId)> landed)
    {
        var firsts = landed
            .Where(l => l.Event.ClientEventId is not null)
            .DistinctBy(l => (l.Event.AppId, l.Event.ClientEventId!.Value))
            .ToList();
        if (firsts.Count == 0)
        {
            return;
        }

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

    /// <summary>
    /// A new reservation, linked to its event and that event's issue when the scan has already placed the event; as
    /// it is otherwise, for the scan to link. An event deleted after its retention leaves the reservation unlinked.
    /// </summary>
    public static async ValueTask<IssueAttachment> OnReservedAsync(IIssueStoreReader store, IFingerprintStrategy strategy, IssueAttachment reservation)
    {
        if (await store.FindEventSequenceOfClientEventAsync(reservation.AppId, reservation.ClientEventId).ConfigureAwait(false) is not { } sequence
            || sequence > await store.GetScanCheckpointAsync().ConfigureAwait(false)
            || await store.ListEventsAfterAsync(sequence - 1, 1).ConfigureAwait(false) is not [{ } scanned]
            || scanned.Sequence != sequence)
        {
            return reservation;
        }

        var issueId = await store.FindIssueIdByFingerprintAsync(EventFingerprints.KeyOf(strategy, scanned)).ConfigureAwait(false);
        return reservation with { IssueId = issueId, EventId = scanned.Id };
    }
}
