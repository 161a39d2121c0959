namespace Owlmetry.Issues;

/// <summary>
/// Ingest as a library call (what <c>POST /v1/ingest</c> does, without HTTP): each event is validated alone,
/// duplicates of an already accepted <c>client_event_id</c> of the app are dropped, and error events are stored
/// for the scan in one unit of work — durable when this returns. Observers then see every accepted event.
/// </summary>
public sealed class EventIngestor(IIssueStore store, TimeProvider timeProvider, ScanSignal scanSignal, IEnumerable<IIngestObserver> observers)
{
    private readonly IIngestObserver[] _observers = [.. observers];

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

        var accepted = valid.Count == 0 ? [] : await store.WriteAsync(writer => Store(writer, valid), ct).ConfigureAwait(false);
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

    private static List<AcceptedEvent> Store(IIssueStoreWriter writer, List<AcceptedEvent> valid)
    {
        var accepted = new List<AcceptedEvent>(valid.Count);
        foreach (var candidate in valid)
        {
            if (candidate.Event.ClientEventId is { } clientEventId)
            {
                if (writer.HasClientEvent(candidate.Event.AppId, clientEventId))
                {
                    continue;
                }

                writer.RecordClientEvent(candidate.Event.AppId, clientEventId);
            }

            if (candidate.Level == EventRules.ErrorLevel)
            {
                var sequence = writer.AppendEvent(candidate.Event);
                accepted.Add(candidate with { Event = candidate.Event with { Sequence = sequence } });
            }
            else
            {
                accepted.Add(candidate);
            }
        }

        return accepted;
    }
}
