using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

internal partial class LiteDbIssueStoreReader
{
    public long GetScanCheckpoint() => Collections.ScanState.FindById(ScanStateDocument.CheckpointId)?.Sequence ?? 0;

    /// <summary>
    /// Retention only deletes scanned events, which lie at or below the checkpoint, so the larger of the newest
    /// stored sequence and the checkpoint is the last sequence ever given: sequences are never reused.
    /// </summary>
    public long GetLastEventSequence()
    {
        var newest = Collections.Events.Query().OrderByDescending(BsonExpression.Create("$._id")).Limit(1).FirstOrDefault();
        return Math.Max(newest?.Id ?? 0, GetScanCheckpoint());
    }

    public IReadOnlyList<ErrorEvent> ListEventsAfter(long sequence, int take) =>
        take <= 0
            ? []
            : Collections.Events.Query()
                .Where(BsonExpression.Create("$._id > @0", sequence))
                .OrderBy(BsonExpression.Create("$._id"))
                .Limit(take)
                .ToEnumerable()
                .Select(document => document.ToEvent())
                .ToList();

    public bool HasClientEvent(Guid appId, Guid clientEventId) =>
        Collections.Probes.ClientEventById.Exists(StorageKeys.ClientEvent(appId, clientEventId));

    public long? FindEventSequenceOfClientEvent(Guid appId, Guid clientEventId) =>
        Collections.ClientEvents.FindById(StorageKeys.ClientEvent(appId, clientEventId))?.EventSequence;

    /// <summary>One <c>_id IN [...]</c> query for the whole batch: one query plan instead of one per event.</summary>
    public IReadOnlySet<Guid> FindClientEvents(Guid appId, IReadOnlyCollection<Guid> clientEventIds)
    {
        ArgumentNullException.ThrowIfNull(clientEventIds);
        if (clientEventIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var keys = new BsonArray(clientEventIds.Distinct().Select(id => new BsonValue(StorageKeys.ClientEvent(appId, id))));
        return Collections.ClientEvents.Query()
            .Where(BsonExpression.Create("$._id IN @0", keys))
            .ToEnumerable()
            .Select(document => StorageKeys.ClientEventId(document.Id))
            .ToHashSet();
    }

    public ScanRun? FindScanRun(Guid runId) => Collections.ScanRuns.FindById(runId)?.ToRun();

    public IReadOnlyList<ScanRun> ListScanRuns(int take) =>
        take <= 0
            ? []
            : Collections.ScanRuns.Query()
                .OrderByDescending(BsonExpression.Create($"$.{nameof(ScanRunDocument.StartedAt)}"))
                .Limit(take)
                .ToEnumerable()
                .Select(document => document.ToRun())
                .ToList();
}
