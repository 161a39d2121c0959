using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Ingest;

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
public sealed partial class EventIngestor
{
    private readonly TimeProvider _timeProvider;
    private readonly ScanSignal _scanSignal;
    private readonly IIngestObserver[] _observers;
    private readonly IssuesMetrics? _metrics;
    private readonly IngestCommitQueue _commits;
    private readonly ILogger _logger;

    // Internal: the ingestor is resolved from the container AddOwlmetryIssues fills (or built by InMemoryIssues), so
    // its collaborators stay out of the public surface.
    internal EventIngestor(
        IIssueStore store,
        TimeProvider timeProvider,
        ScanSignal scanSignal,
        IEnumerable<IIngestObserver> observers,
        IssuesMetrics? metrics = null,
        ILogger<EventIngestor>? logger = null)
    {
        _timeProvider = timeProvider;
        _scanSignal = scanSignal;
        _observers = [.. observers];
        _metrics = metrics;
        _commits = new IngestCommitQueue(store);
        _logger = logger ?? NullLogger<EventIngestor>.Instance;
    }

    /// <summary>Ingests one batch of at most <see cref="EventRules.MaxBatchSize"/> events from <paramref name="source"/>.</summary>
    /// <returns>The counts and per-event errors, or an invalid-input error for an empty or oversized batch.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    /// <exception cref="Exception">
    /// The store failed to save the batch: the failure is logged as a warning, then thrown as the store threw it (none of the
    /// batch is stored). The HTTP ingest route answers it; a host that reports its own errors from a request should catch it
    /// (all but <see cref="OperationCanceledException"/>) so that a lost report does not change the request's answer.
    /// </exception>
    public async Task<IssueResult<IngestResult>> IngestAsync(IngestSource source, IReadOnlyList<IncomingEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (events is null || events.Count == 0)
        {
            return IssueError.Invalid("events must be a non-empty array");
        }

        if (events.Count > EventRules.MaxBatchSize)
        {
            _metrics?.AddRefused(events.Count, IssuesMetrics.BatchTooLargeReason);
            return IssueError.Invalid($"events may hold at most {EventRules.MaxBatchSize} events");
        }

        var started = _timeProvider.GetTimestamp();
        var now = _timeProvider.GetUtcNowMilliseconds();
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
            _scanSignal.IngestStarted();
            try
            {
                accepted = await _commits.StoreAsync(valid, ct).ConfigureAwait(false);
                _scanSignal.IngestCommitted();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _metrics?.AddRefused(valid.Count, IssuesMetrics.StoreFailedReason);
                // The reason only: the exception itself goes up to the caller, whose handler logs it whole.
                LogStoreFailed(_logger, valid.Count, exception.Message, Activity.Current?.TraceId.ToString());
                throw;
            }
            finally
            {
                _scanSignal.IngestFinished();
            }
        }

        if (accepted.Any(e => e.Level == EventRules.ErrorLevel))
        {
            _scanSignal.Notify();
        }

        foreach (var observer in _observers)
        {
            await observer.OnAcceptedAsync(source, accepted, ct).ConfigureAwait(false);
        }

        _metrics?.RecordBatch(accepted.Count, errors.Count, valid.Count - accepted.Count, _timeProvider.GetElapsedTime(started));
        return new IngestResult(accepted.Count, errors.Count, errors);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest refused a batch of {EventCount} valid events because the store failed: {Reason} (trace {TraceId})")]
    private static partial void LogStoreFailed(ILogger logger, int eventCount, string reason, string? traceId);
}
