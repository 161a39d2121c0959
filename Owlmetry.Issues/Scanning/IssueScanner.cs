using Microsoft.Extensions.Options;

namespace Owlmetry.Issues;

/// <summary>
/// One pass of the issue scan over every error event stored before the pass began. Events are read in
/// sequence order from the durable high-water mark, batch by batch, and each batch is applied together with
/// the new mark in one unit of work: a crash loses nothing and a retry scans nothing twice. Passes never overlap.
/// </summary>
public sealed class IssueScanner
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IIssueStore _store;
    private readonly IFingerprintStrategy _strategy;
    private readonly TimeProvider _timeProvider;
    private readonly IssuesOptions _options;
    private readonly NotificationRecorder? _notifications;

    /// <summary>Creates the scanner.</summary>
    /// <param name="store">The store scanned and written.</param>
    /// <param name="strategy">Fingerprints events.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">Batch size and event retention.</param>
    /// <param name="notifications">Records each batch's <c>issue.new</c> notifications; none are recorded without it.</param>
    public IssueScanner(
        IIssueStore store, IFingerprintStrategy strategy, TimeProvider timeProvider, IOptions<IssuesOptions> options, NotificationRecorder? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _strategy = strategy;
        _timeProvider = timeProvider;
        _options = options.Value;
        _notifications = notifications;
    }

    /// <summary>Scans every event stored before the call; waits for a pass already running, then runs.</summary>
    /// <returns>What the pass did.</returns>
    public async Task<IssueScanResult> ScanAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var until = await _store.ReadAsync(r => r.GetLastEventSequence(), ct).ConfigureAwait(false);
            var total = IssueScanResult.Empty;
            while (await ScanBatchAsync(until, ct).ConfigureAwait(false) is { } batch)
            {
                total = total.Add(batch);
            }

            var cutoff = _timeProvider.GetUtcNow() - _options.EventRetention;
            await _store.WriteAsync(w => w.DeleteScannedEventsReceivedBefore(cutoff), ct).ConfigureAwait(false);
            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <returns>What the batch did, or null when nothing up to <paramref name="until"/> is left.</returns>
    private async Task<IssueScanResult?> ScanBatchAsync(long until, CancellationToken ct)
    {
        var (checkpoint, events) = await _store.ReadAsync(
            r => (r.GetScanCheckpoint(), r.ListEventsAfter(r.GetScanCheckpoint(), _options.ScanBatchSize)), ct).ConfigureAwait(false);
        var batch = events.TakeWhile(e => e.Sequence <= until).ToList();
        if (batch.Count == 0)
        {
            return null;
        }

        // Fingerprinting and grouping are pure CPU work: done before the unit of work so it stays short.
        var parts = ScanPlanner.Plan(batch, _strategy);
        var names = _notifications is null ? null : await _notifications.ResolveNamesAsync(parts, ct).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNowMilliseconds();
        var (result, notified) = await _store.WriteAsync(
            writer =>
            {
                if (writer.GetScanCheckpoint() != checkpoint)
                {
                    throw new InvalidOperationException("The scan checkpoint moved under a running scan; another process is scanning this store.");
                }

                var outcome = ScanBatchApplier.Apply(writer, parts, now);

                // In the batch's own unit: the notifications commit, or roll back, with the changes they report.
                var notified = names is not null && NotificationRecorder.RecordScanBatch(writer, outcome, names, now);
                writer.SetScanCheckpoint(batch[^1].Sequence);
                return (outcome.Result, notified);
            },
            ct).ConfigureAwait(false);
        if (notified)
        {
            _notifications!.Signal();
        }

        return result;
    }
}
