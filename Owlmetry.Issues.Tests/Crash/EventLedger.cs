using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// Exactly-once, checked in the server's file after a kill: every acknowledged event is stored, no event is stored
/// twice, and, since every event has its own session, every event up to the scan's mark is exactly one occurrence
/// and every event after it none. The store invariants are checked in the same pass.
/// </summary>
internal sealed class EventLedger
{
    private EventLedger(long checkpoint, int storedEvents, int occurrences, List<string> violations)
    {
        Checkpoint = checkpoint;
        StoredEvents = storedEvents;
        Occurrences = occurrences;
        Violations = violations;
    }

    public long Checkpoint { get; }

    public int StoredEvents { get; }

    public int Occurrences { get; }

    public List<string> Violations { get; }

    /// <summary>Opens the (closed, possibly crashed) file and checks it against what was sent and acknowledged.</summary>
    public static async Task<EventLedger> ReadAsync(string path, Guid projectId, Guid appId, IReadOnlyCollection<IngestBatch> batches)
    {
        using var store = new LiteDbIssueStore(path);
        return await ReadAsync(store, projectId, appId, batches);
    }

    /// <summary>Checks what <paramref name="store"/> holds against what was sent and acknowledged.</summary>
    public static async Task<EventLedger> ReadAsync(IIssueStore store, Guid projectId, Guid appId, IReadOnlyCollection<IngestBatch> batches)
    {
        var violations = (await StoreInvariants.FindViolationsAsync(store, projectId, [appId])).ToList();
        return await store.ReadAsync(async reader => await CheckAsync(reader, projectId, batches, violations));
    }

    private static async Task<EventLedger> CheckAsync(IIssueStoreReader reader, Guid projectId, IReadOnlyCollection<IngestBatch> batches, List<string> violations)
    {
        var checkpoint = await reader.GetScanCheckpointAsync();
        var events = await reader.ListEventsAfterAsync(0, int.MaxValue);
        var sent = batches.SelectMany(b => b.ClientEventIds).ToHashSet();
        var stored = events.GroupBy(e => e.ClientEventId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Count());
        var issueOccurrences = new List<IssueOccurrence>();
        foreach (var issue in await StoreInvariants.AllIssuesAsync(reader, projectId))
        {
            issueOccurrences.AddRange(await reader.GetAllOccurrencesAsync(issue.Id));
        }

        var occurrences = issueOccurrences
            .GroupBy(o => o.EventId)
            .ToDictionary(g => g.Key, g => g.Count());

        Add(violations, stored.Where(s => s.Value > 1).Select(s => $"event {s.Key} is stored {s.Value} times"));
        Add(violations, stored.Keys.Where(id => !sent.Contains(id)).Select(id => $"event {id} is stored but was never sent"));
        Add(violations, batches.Where(b => b.Acknowledged).SelectMany(b => b.ClientEventIds).Where(id => !stored.ContainsKey(id))
            .Select(id => $"acknowledged event {id} is not stored"));
        Add(violations, events
            .Select(e => (Event: e, Expected: e.Sequence <= checkpoint ? 1 : 0, Actual: occurrences.GetValueOrDefault(e.Id)))
            .Where(e => e.Actual != e.Expected)
            .Select(e => $"event {e.Event.ClientEventId} (sequence {e.Event.Sequence}, scan mark {checkpoint}) has {e.Actual} occurrences, not {e.Expected}"));

        var eventIds = events.Select(e => e.Id).ToHashSet();
        Add(violations, occurrences.Keys.Where(id => !eventIds.Contains(id)).Select(id => $"an occurrence stands for event {id}, which is not stored"));
        return new EventLedger(checkpoint, events.Count, occurrences.Values.Sum(), violations);
    }

    // A broken invariant usually breaks it for thousands of events: the first few say enough.
    private static void Add(List<string> violations, IEnumerable<string> found)
    {
        var list = found.ToList();
        violations.AddRange(list.Take(5));
        if (list.Count > 5)
        {
            violations.Add($"… and {list.Count - 5} more like these");
        }
    }
}
