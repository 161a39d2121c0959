using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads of ingest and the scan.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>The sequence of the last scanned event (0 before the first scan): the scan's high-water mark.</summary>
    long GetScanCheckpoint();

    /// <summary>The sequence of the newest stored event (0 when none).</summary>
    long GetLastEventSequence();

    /// <summary>Up to <paramref name="take"/> stored events with a sequence above <paramref name="sequence"/>, in sequence order.</summary>
    IReadOnlyList<ErrorEvent> ListEventsAfter(long sequence, int take);

    /// <summary>Whether an event with this client id was already accepted for the app, at any time.</summary>
    bool HasClientEvent(Guid appId, Guid clientEventId);

    /// <summary>
    /// Of <paramref name="clientEventIds"/>, those already accepted for the app (ids recorded earlier in the same unit
    /// included): <see cref="HasClientEvent"/> for a whole batch, which a provider may answer in one lookup.
    /// </summary>
    IReadOnlySet<Guid> FindClientEvents(Guid appId, IReadOnlyCollection<Guid> clientEventIds) =>
        clientEventIds.Where(id => HasClientEvent(appId, id)).ToHashSet();

    /// <summary>Whether the issue has an occurrence of the given user.</summary>
    bool HasOccurrenceOfUser(Guid issueId, string userId);

    /// <summary>The scan run, or null.</summary>
    ScanRun? FindScanRun(Guid runId);

    /// <summary>The newest scan runs first.</summary>
    IReadOnlyList<ScanRun> ListScanRuns(int take);
}
