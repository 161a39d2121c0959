namespace Owlmetry.Issues;

/// <summary>The writes of ingest and the scan.</summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Stores an accepted error event and gives it the next sequence.</summary>
    /// <returns>The sequence assigned.</returns>
    long AppendEvent(ErrorEvent errorEvent);

    /// <summary>Remembers a client event id of an app forever; a second one throws <see cref="IssueStoreConflictException"/>.</summary>
    void RecordClientEvent(Guid appId, Guid clientEventId);

    /// <summary>Moves the scan's high-water mark; done in the same unit as the batch it covers.</summary>
    void SetScanCheckpoint(long sequence);

    /// <summary>Adds or replaces a scan run.</summary>
    void SaveScanRun(ScanRun run);

    /// <summary>Deletes stored events received before <paramref name="cutoff"/>, but only already scanned ones.</summary>
    /// <returns>How many were deleted.</returns>
    int DeleteScannedEventsReceivedBefore(DateTimeOffset cutoff);
}
