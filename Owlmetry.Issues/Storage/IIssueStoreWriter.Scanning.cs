using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage;

/// <summary>The writes of ingest and the scan.</summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Stores an accepted error event and gives it the next sequence.</summary>
    /// <returns>The sequence assigned.</returns>
    long AppendEvent(ErrorEvent errorEvent);

    /// <summary>
    /// Stores accepted error events in order, as <see cref="AppendEvent"/> would one by one; a provider may store
    /// them in one bulk operation.
    /// </summary>
    /// <returns>The sequences assigned, in the order of <paramref name="events"/>.</returns>
    IReadOnlyList<long> AppendEvents(IReadOnlyList<ErrorEvent> events) => [.. events.Select(AppendEvent)];

    /// <summary>Remembers a client event id of an app forever; a second one throws <see cref="IssueStoreConflictException"/>.</summary>
    void RecordClientEvent(Guid appId, Guid clientEventId);

    /// <summary>
    /// Remembers client event ids of an app, as <see cref="RecordClientEvent"/> would one by one; a provider may
    /// store them in one bulk operation. Any id already recorded (or twice in the list) throws
    /// <see cref="IssueStoreConflictException"/>.
    /// </summary>
    void RecordClientEvents(Guid appId, IReadOnlyCollection<Guid> clientEventIds)
    {
        ArgumentNullException.ThrowIfNull(clientEventIds);
        foreach (var clientEventId in clientEventIds)
        {
            RecordClientEvent(appId, clientEventId);
        }
    }

    /// <summary>Moves the scan's high-water mark; done in the same unit as the batch it covers.</summary>
    void SetScanCheckpoint(long sequence);

    /// <summary>Adds or replaces a scan run.</summary>
    void SaveScanRun(ScanRun run);

    /// <summary>
    /// Deletes stored events received before <paramref name="cutoff"/>, but only already scanned ones, walking them
    /// in sequence order and stopping at the first one still within retention: received times follow sequences, so
    /// this reads only what it deletes. Should the clock have stepped back, an expired event behind a newer one waits
    /// for that one to expire; no event is ever deleted early.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    int DeleteScannedEventsReceivedBefore(DateTimeOffset cutoff);
}
