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

    /// <summary>Creates the scanner.</summary>
    public IssueScanner(IIssueStore store, IFingerprintStrategy strategy, TimeProvider timeProvider, IOptions<IssuesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _strategy = strategy;
        _timeProvider = timeProvider;
        _options = options.Value;
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
        var now = _timeProvider.GetUtcNowMilliseconds();
        return await _store.WriteAsync(
            writer =>
            {
                if (writer.GetScanCheckpoint() != checkpoint)
                {
                    throw new InvalidOperationException("The scan checkpoint moved under a running scan; another process is scanning this store.");
                }

                var result = ScanBatchApplier.Apply(writer, parts, now);
                writer.SetScanCheckpoint(batch[^1].Sequence);
                return result;
            },
            ct).ConfigureAwait(false);
    }
}
