using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

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

    /// <summary>One <c>InsertBulk</c> for the whole list, sequences following the last one given.</summary>
    public IReadOnlyList<long> AppendEvents(IReadOnlyList<ErrorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        var first = (_lastSequence ??= GetLastEventSequence()) + 1;
        Run(nameof(AppendEvents), () => Collections.Events.InsertBulk(events.Select((e, i) => EventDocument.From(e, first + i)), events.Count));
        _lastSequence = first + events.Count - 1;
        return [.. Enumerable.Range(0, events.Count).Select(i => first + i)];
    }

    /// <summary>One <c>InsertBulk</c> for the whole list.</summary>
    public void RecordClientEvents(IReadOnlyCollection<AcceptedClientEvent> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        if (clientEvents.Count > 0)
        {
            Run(nameof(RecordClientEvents), () => Collections.ClientEvents.InsertBulk(clientEvents.Select(Document), clientEvents.Count));
        }
    }

    public void RecordClientEvent(AcceptedClientEvent clientEvent) =>
        Run(nameof(RecordClientEvent), () => Collections.ClientEvents.Insert(Document(clientEvent)));

    public void SetScanCheckpoint(long sequence) =>
        Run(nameof(SetScanCheckpoint), () => Collections.ScanState.Upsert(new ScanStateDocument { Sequence = sequence }));

    public void SaveScanRun(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run(nameof(SaveScanRun), () => Collections.ScanRuns.Upsert(ScanRunDocument.From(run)));
    }

    /// <summary>
    /// Deletes the expired scanned events as a prefix of the sequence order. An event is received (its time read)
    /// just before it is given its sequence, so received times follow sequences, and the walk stops at the first
    /// scanned event still within retention instead of reading every stored event on every scan pass (which made
    /// each pass cost the size of the whole retention window). Should the clock step back, an expired event behind
    /// a newer one waits for that one to expire: it is never deleted early.
    /// </summary>
    public int DeleteScannedEventsReceivedBefore(DateTimeOffset cutoff)
    {
        const int Chunk = 1_000;
        var checkpoint = GetScanCheckpoint();
        var expiredBefore = UnixTime.From(cutoff);
        var lastExpired = 0L;
        while (true)
        {
            var expired = Collections.Events.Query()
                .Where(BsonExpression.Create("$._id > @0 AND $._id <= @1", lastExpired, checkpoint))
                .OrderBy(BsonExpression.Create("$._id"))
                .Limit(Chunk)
                .ToEnumerable()
                .TakeWhile(e => e.ReceivedAt < expiredBefore)
                .Select(e => e.Id)
                .ToList();
            if (expired.Count > 0)
            {
                lastExpired = expired[^1];
            }

            if (expired.Count < Chunk)
            {
                break;
            }
        }

        return lastExpired == 0
            ? 0
            : Run(nameof(DeleteScannedEventsReceivedBefore), () => Collections.Events.DeleteMany(BsonExpression.Create("$._id <= @0", lastExpired)));
    }

    private static ClientEventDocument Document(AcceptedClientEvent clientEvent) => new()
    {
        Id = StorageKeys.ClientEvent(clientEvent.AppId, clientEvent.ClientEventId),
        EventSequence = clientEvent.EventSequence,
    };
}
