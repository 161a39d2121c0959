using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.InMemory;

internal sealed partial class InMemoryIssueStoreTransaction
{
    public long AppendEvent(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        var sequence = Data.LastEventSequence + 1;
        Data.Events.Add(errorEvent with { Sequence = sequence });
        Data.LastEventSequence = sequence;
        _undo.Push(() =>
        {
            Data.Events.RemoveAt(Data.Events.Count - 1);
            Data.LastEventSequence = sequence - 1;
        });
        return sequence;
    }

    public void RecordClientEvent(AcceptedClientEvent clientEvent)
    {
        var key = (clientEvent.AppId, clientEvent.ClientEventId);
        if (!Data.ClientEvents.TryAdd(key, clientEvent.EventSequence))
        {
            throw new IssueStoreConflictException($"Client event {clientEvent.ClientEventId} of app {clientEvent.AppId} is already recorded.");
        }

        _undo.Push(() => Data.ClientEvents.Remove(key));
    }

    public void SetScanCheckpoint(long sequence)
    {
        var previous = Data.ScanCheckpoint;
        Data.ScanCheckpoint = sequence;
        _undo.Push(() => Data.ScanCheckpoint = previous);
    }

    public void SaveScanRun(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var had = Data.ScanRuns.TryGetValue(run.Id, out var previous);
        Data.ScanRuns[run.Id] = run;
        _undo.Push(had ? () => Data.ScanRuns[run.Id] = previous! : () => Data.ScanRuns.Remove(run.Id));
    }

    public int DeleteScannedEventsReceivedBefore(DateTimeOffset cutoff)
    {
        // Events are kept in sequence order: the expired scanned ones are the prefix the contract deletes.
        var doomed = Data.Events.TakeWhile(e => e.Sequence <= Data.ScanCheckpoint && e.ReceivedAt < cutoff).ToList();
        if (doomed.Count == 0)
        {
            return 0;
        }

        Data.Events.RemoveRange(0, doomed.Count);
        _undo.Push(() =>
        {
            Data.Events.AddRange(doomed);
            Data.Events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        });
        return doomed.Count;
    }
}
