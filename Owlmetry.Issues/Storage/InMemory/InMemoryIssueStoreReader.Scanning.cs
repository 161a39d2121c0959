using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader
{
    public long GetScanCheckpoint() => Data.ScanCheckpoint;

    public long GetLastEventSequence() => Data.LastEventSequence;

    public IReadOnlyList<ErrorEvent> ListEventsAfter(long sequence, int take)
    {
        var start = FirstIndexAbove(sequence);
        return Data.Events.GetRange(start, Math.Min(take, Data.Events.Count - start));
    }

    public bool HasClientEvent(Guid appId, Guid clientEventId) => Data.ClientEvents.ContainsKey((appId, clientEventId));

    public long? FindEventSequenceOfClientEvent(Guid appId, Guid clientEventId) => Data.ClientEvents.GetValueOrDefault((appId, clientEventId));

    public bool HasOccurrenceOfUser(Guid issueId, string userId) =>
        Data.Occurrences.TryGetValue(issueId, out var bySession) && bySession.Values.Any(o => o.UserId == userId);

    public ScanRun? FindScanRun(Guid runId) => Data.ScanRuns.GetValueOrDefault(runId);

    public IReadOnlyList<ScanRun> ListScanRuns(int take) =>
        Data.ScanRuns.Values.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(take).ToList();

    /// <summary>Events are kept in sequence order, so the first one above a sequence is found by binary search.</summary>
    protected int FirstIndexAbove(long sequence)
    {
        int low = 0, high = Data.Events.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Data.Events[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
