using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads of ingest and the scan.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>The sequence of the last scanned event (0 before the first scan): the scan's high-water mark.</summary>
    ValueTask<long> GetScanCheckpointAsync();

    /// <summary>The sequence of the newest stored event (0 when none).</summary>
    ValueTask<long> GetLastEventSequenceAsync();

    /// <summary>Up to <paramref name="take"/> stored events with a sequence above <paramref name="sequence"/>, in sequence order.</summary>
    ValueTask<IReadOnlyList<ErrorEvent>> ListEventsAfterAsync(long sequence, int take);

    /// <summary>Whether an event with this client id was already accepted for the app, at any time.</summary>
    ValueTask<bool> HasClientEventAsync(Guid appId, Guid clientEventId);

    /// <summary>
    /// Of <paramref name="clientEventIds"/>, those already accepted for the app (ids recorded earlier in the same unit
    /// included): <see cref="HasClientEventAsync"/> for a whole batch, which a provider may answer in one lookup.
    /// </summary>
    async ValueTask<IReadOnlySet<Guid>> FindClientEventsAsync(Guid appId, IReadOnlyCollection<Guid> clientEventIds)
    {
        ArgumentNullException.ThrowIfNull(clientEventIds);
        var recorded = new HashSet<Guid>();
        foreach (var clientEventId in clientEventIds)
        {
            if (await HasClientEventAsync(appId, clientEventId).ConfigureAwait(false))
            {
                recorded.Add(clientEventId);
            }
        }

        return recorded;
    }

    /// <summary>
    /// The sequence of the error event the app sent with <paramref name="clientEventId"/>, or null when no such id was
    /// accepted or its event was of another level. The event itself may since have been deleted after its retention.
    /// </summary>
    ValueTask<long?> FindEventSequenceOfClientEventAsync(Guid appId, Guid clientEventId);

    /// <summary>Whether the issue has an occurrence of the given user.</summary>
    ValueTask<bool> HasOccurrenceOfUserAsync(Guid issueId, string userId);

    /// <summary>The scan run, or null.</summary>
    ValueTask<ScanRun?> FindScanRunAsync(Guid runId);

    /// <summary>The newest scan runs first.</summary>
    ValueTask<IReadOnlyList<ScanRun>> ListScanRunsAsync(int take);
}
