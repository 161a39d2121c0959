using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage;

/// <summary>The writes of ingest and the scan.</summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Stores an accepted error event and gives it the next sequence.</summary>
    /// <returns>The sequence assigned.</returns>
    ValueTask<long> AppendEventAsync(ErrorEvent errorEvent);

    /// <summary>
    /// Stores accepted error events in order, as <see cref="AppendEventAsync"/> would one by one; a provider may store
    /// them in one bulk operation.
    /// </summary>
    /// <returns>The sequences assigned, in the order of <paramref name="events"/>.</returns>
    async ValueTask<IReadOnlyList<long>> AppendEventsAsync(IReadOnlyList<ErrorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sequences = new List<long>(events.Count);
        foreach (var errorEvent in events)
        {
            sequences.Add(await AppendEventAsync(errorEvent).ConfigureAwait(false));
        }

        return sequences;
    }

    /// <summary>
    /// Remembers a client event id of an app forever, with the sequence of its stored error event; a second record of
    /// the same (app, client event id) throws <see cref="IssueStoreConflictException"/>.
    /// </summary>
    ValueTask RecordClientEventAsync(AcceptedClientEvent clientEvent);

    /// <summary>
    /// Remembers client event ids, as <see cref="RecordClientEventAsync"/> would one by one; a provider may store them
    /// in one bulk operation. Any id already recorded for its app (or twice in the list) throws
    /// <see cref="IssueStoreConflictException"/>.
    /// </summary>
    async ValueTask RecordClientEventsAsync(IReadOnlyCollection<AcceptedClientEvent> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        foreach (var clientEvent in clientEvents)
        {
            await RecordClientEventAsync(clientEvent).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the scan's high-water mark; done in the same unit as the batch it covers.</summary>
    ValueTask SetScanCheckpointAsync(long sequence);

    /// <summary>Adds or replaces a scan run.</summary>
    ValueTask SaveScanRunAsync(ScanRun run);

    /// <summary>
    /// Deletes stored events received before <paramref name="cutoff"/>, but only already scanned ones, walking them
    /// in sequence order and stopping at the first one still within retention: received times follow sequences, so
    /// this reads only what it deletes. Should the clock have stepped back, an expired event behind a newer one waits
    /// for that one to expire; no event is ever deleted early.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    ValueTask<int> DeleteScannedEventsReceivedBeforeAsync(DateTimeOffset cutoff);
}
