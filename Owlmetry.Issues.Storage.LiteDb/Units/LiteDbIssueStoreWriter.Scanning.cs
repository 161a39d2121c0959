using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb;

internal sealed partial class LiteDbIssueStoreWriter
{
    private long? _lastSequence;

    public long AppendEvent(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);

        // Units are serialized by the store's gate: the last sequence read once per unit cannot be taken meanwhile.
        var sequence = (_lastSequence ??= GetLastEventSequence()) + 1;
        Run(nameof(AppendEvent), () => Collections.Events.Insert(EventDocument.From(errorEvent, sequence)));
        _lastSequence = sequence;
        return sequence;
    }

    public void RecordClientEvent(Guid appId, Guid clientEventId) =>
        Run(nameof(RecordClientEvent), () => Collections.ClientEvents.Insert(new ClientEventDocument { Id = StorageKeys.ClientEvent(appId, clientEventId) }));

    public void SetScanCheckpoint(long sequence) =>
        Run(nameof(SetScanCheckpoint), () => Collections.ScanState.Upsert(new ScanStateDocument { Sequence = sequence }));

    public void SaveScanRun(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run(nameof(SaveScanRun), () => Collections.ScanRuns.Upsert(ScanRunDocument.From(run)));
    }

    public int DeleteScannedEventsReceivedBefore(DateTimeOffset cutoff) =>
        Run(nameof(DeleteScannedEventsReceivedBefore), () => Collections.Events.DeleteMany(BsonExpression.Create(
            $"$._id <= @0 AND $.{nameof(EventDocument.ReceivedAt)} < @1", GetScanCheckpoint(), UnixTime.From(cutoff))));
}
