namespace Owlmetry.Issues;

/// <summary>
/// Ingest as a library call (what <c>POST /v1/ingest</c> does, without HTTP): each event is validated alone,
/// duplicates of an already accepted <c>client_event_id</c> of the app are dropped, and error events are stored
/// for the scan — durable when this returns. Observers then see every accepted event.
/// </summary>
/// <remarks>
/// Concurrent calls share units of work (group commit, see <see cref="IngestCommitQueue"/>): batches that arrive
/// while one unit commits are stored together in the next, so many callers pay for one durable commit. Each call
/// still returns only after the unit holding its batch committed, with its own exact counts.
/// </remarks>
public sealed class EventIngestor(IIssueStore store, TimeProvider timeProvider, ScanSignal scanSignal, IEnumerable<IIngestObserver> observers)
{
    private readonly IIngestObserver[] _observers = [.. observers];
    private readonly IngestCommitQueue _commits = new(store);

    /// <summary>Ingests one batch of at most <see cref="EventRules.MaxBatchSize"/> events from <paramref name="source"/>.</summary>
    /// <returns>The counts and per-event errors, or an invalid-input error for an empty or oversized batch.</returns>
    public async Task<IssueResult<IngestResult>> IngestAsync(IngestSource source, IReadOnlyList<IncomingEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (events is null || events.Count == 0)
        {
            return IssueError.Invalid("events must be a non-empty array");
        }

        if (events.Count > EventRules.MaxBatchSize)
        {
            return IssueError.Invalid($"events may hold at most {EventRules.MaxBatchSize} events");
        }

        var now = timeProvider.GetUtcNowMilliseconds();
        var errors = new List<IngestError>();
        var valid = new List<AcceptedEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            var result = EventRules.Validate(events[i], source, now);
            if (result.IsSuccess)
            {
                valid.Add(result.Value);
            }
            else
            {
                errors.Add(new IngestError(i, $"events[{i}]: {result.Error.Message}"));
            }
        }

        IReadOnlyList<AcceptedEvent> accepted = [];
        if (valid.Count > 0)
        {
            scanSignal.IngestStarted();
            try
            {
                accepted = await _commits.StoreAsync(valid, ct).ConfigureAwait(false);
                scanSignal.IngestCommitted();
            }
            finally
            {
                scanSignal.IngestFinished();
            }
        }

        if (accepted.Any(e => e.Level == EventRules.ErrorLevel))
        {
            scanSignal.Notify();
        }

        foreach (var observer in _observers)
        {
            await observer.OnAcceptedAsync(source, accepted, ct).ConfigureAwait(false);
        }

        return new IngestResult(accepted.Count, errors.Count, errors);
    }
}
