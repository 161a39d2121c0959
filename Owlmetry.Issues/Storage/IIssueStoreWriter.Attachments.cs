namespace Owlmetry.Issues.Storage;

/// <summary>The writes of attachments beyond <see cref="IIssueStoreWriter.UpsertAttachmentAsync"/>: purging and event landings.</summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Removes an attachment row for good (the cleanup's purge); nothing happens when it does not exist.</summary>
    ValueTask DeleteAttachmentAsync(Guid attachmentId);

    /// <summary>Records where the scan put an event, replacing an earlier record of the same (app, client event id).</summary>
    ValueTask RecordEventLandingAsync(EventLanding landing);

    /// <summary>Forgets the event landings recorded before <paramref name="cutoff"/>.</summary>
    /// <returns>How many were removed.</returns>
    ValueTask<int> DeleteEventLandingsBeforeAsync(DateTimeOffset cutoff);
}
