using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Scanning;

/// <summary>
/// One pass of the issue scan over every error event stored before the pass began. Events are read in
/// sequence order from the durable high-water mark, batch by batch, and each batch is applied together with
/// the new mark in one unit of work: a crash loses nothing and a retry scans nothing twice. Passes never overlap,
/// here or in another process sharing the store (the <see cref="StoreLeases.Scan"/> lease).
/// </summary>
/// <remarks>
/// Ingest goes first: a unit of work holds the store's writer, and an ingest call waits for it before its events
/// are durable and answered. So while ingest streams (calls are storing events, or commits follow each other
/// closely), the scan waits for a lull of <see cref="IngestLull"/> before its next unit (at most
/// <see cref="MaxYield"/>, so it always progresses), and a unit started while ingest still streams covers at most
/// <see cref="UnitSizeUnderIngest"/> events. Under a steady stream of ingest the scan therefore takes a small share
/// of the writer and catches up once the stream eases. The order, grouping and counts of the scan are the same
/// either way: only unit boundaries move. <see cref="IssuesOptions.ScanGivesWayToIngest"/> turns this off.
/// </remarks>
public sealed partial class IssueScanner
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IIssueStore _store;
    private readonly IFingerprintStrategy _strategy;
    private readonly TimeProvider _timeProvider;
    private readonly IssuesOptions _options;
    private readonly NotificationRecorder? _notifications;
    private readonly ScanSignal? _signal;
    private readonly IssuesMetrics? _metrics;
    private readonly ILogger _logger;

    // The bursts the last committed unit left open; only ever used by the pass that holds the gate.
    private OpenBursts _openBursts = OpenBursts.None;

    /// <summary>Creates the scanner.</summary>
    /// <param name="store">The store scanned and written.</param>
    /// <param name="strategy">Fingerprints events.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">Batch size and event retention.</param>
    /// <param name="notifications">Records each batch's <c>issue.new</c> notifications; none are recorded without it.</param>
    /// <param name="signal">When given, the ingest activity the scan gives way to; null never waits.</param>
    /// <param name="metrics">Counts scanned events and created or regressed issues and times passes; nothing is measured without it.</param>
    /// <param name="logger">Summarizes each pass that found events, at debug level.</param>
    internal IssueScanner(
        IIssueStore store,
        IFingerprintStrategy strategy,
        TimeProvider timeProvider,
        IOptions<IssuesOptions> options,
        NotificationRecorder? notifications = null,
        ScanSignal? signal = null,
        IssuesMetrics? metrics = null,
        ILogger<IssueScanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _strategy = strategy;
        _timeProvider = timeProvider;
        _options = options.Value;
        _notifications = notifications;
        _signal = signal;
        _metrics = metrics;
        _logger = logger ?? NullLogger<IssueScanner>.Instance;
    }

    /// <summary>How long ingest must have been quiet for the scan to run a full unit.</summary>
    internal static TimeSpan IngestLull { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Two ingest commits at most this far apart make a stream (a lone call does not).</summary>
    internal static TimeSpan StreamGap { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest the scan waits for a lull before running a short unit anyway.</summary>
    internal static TimeSpan MaxYield { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most events of a unit started while ingest is busy: it holds the writer for tens of milliseconds.</summary>
    internal const int UnitSizeUnderIngest = 250;

    /// <summary>How often a scan that must cover the stored events asks again for the lease another process holds.</summary>
    internal static TimeSpan LeasePoll { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Scans every event stored before the call; waits for a pass already running here, then runs. When another
    /// process sharing the store is scanning, this pass does nothing: that process scans these events. The
    /// background scan's pass.
    /// </summary>
    /// <returns>What the pass did.</returns>
    public async Task<IssueScanResult> ScanAsync(CancellationToken ct = default) =>
        (await PassAsync(waitForOtherProcesses: false, leaseTaken: null, ct).ConfigureAwait(false)).Total;

    /// <summary>
    /// Scans every event stored before the call, like <see cref="ScanAsync"/>, but when another process sharing the
    /// store holds the scan lease, waits until this process takes it or the other's passes have scanned those events:
    /// when it returns, every event stored before the call is scanned, whichever process scanned it. A triggered scan's pass.
    /// </summary>
    /// <returns>What this process's pass did: empty when another process scanned the events.</returns>
    public async Task<IssueScanResult> ScanStoredEventsAsync(CancellationToken ct = default) =>
        (await PassAsync(waitForOtherProcesses: true, leaseTaken: null, ct).ConfigureAwait(false)).Total;

    /// <summary>
    /// <see cref="ScanStoredEventsAsync(CancellationToken)"/>, calling <paramref name="leaseTaken"/> once this process
    /// holds the scan lease, before the pass's first unit; not when another process's passes scanned the events.
    /// </summary>
    /// <returns>What this process's passes did, project by project.</returns>
    internal Task<ScanTally> ScanStoredEventsAsync(Func<Task> leaseTaken, CancellationToken ct) => PassAsync(waitForOtherProcesses: true, leaseTaken, ct);

    /// <summary><see cref="ScanAsync"/>, project by project.</summary>
    internal Task<ScanTally> ScanByProjectAsync(CancellationToken ct) => PassAsync(waitForOtherProcesses: false, leaseTaken: null, ct);

    private async Task<ScanTally> PassAsync(bool waitForOtherProcesses, Func<Task>? leaseTaken, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var lease = await TakeLeaseAsync(waitForOtherProcesses, ct).ConfigureAwait(false);
            if (lease is null)
            {
                LogLeaseHeldElsewhere(_logger);
                return new ScanTally();
            }

            if (leaseTaken is not null)
            {
                await leaseTaken().ConfigureAwait(false);
            }

            var started = _timeProvider.GetTimestamp();
            var until = await _store.ReadAsync(r => r.GetLastEventSequenceAsync(), ct).ConfigureAwait(false);
            var tally = new ScanTally();
            var size = await GiveWayToIngestAsync(ct).ConfigureAwait(false);
            var planned = await ReadBatchAsync(after: null, until, size, _openBursts, ct).ConfigureAwait(false);
            while (planned is not null)
            {
                // The next batch starts after this one's last event, the checkpoint this batch's unit commits. A store
                // whose reads run beside its writes reads and plans it while the unit runs, at this unit's size.
                var after = planned.Events[^1].Sequence;
                var applying = ApplyBatchAsync(planned, ct);
                var readAhead = _store.ReadsBesideWrites ? ReadBatchAsync(after, until, size, planned.Open, ct) : null;
                try
                {
                    tally.Include(await applying.ConfigureAwait(false));
                    _openBursts = planned.Open;
                }
                finally
                {
                    // Awaited before the unit's failure propagates, so the read ahead is never left running unobserved.
                    await (readAhead ?? Task.CompletedTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                // A short batch was the last one before the pass's end: nothing to give way for.
                if (planned.IsLast)
                {
                    break;
                }

                size = await GiveWayToIngestAsync(ct).ConfigureAwait(false);
                planned = readAhead is null
                    ? await ReadBatchAsync(after, until, size, planned.Open, ct).ConfigureAwait(false)
                    : await FitAsync(await readAhead.ConfigureAwait(false), until, size, ct).ConfigureAwait(false);
            }

            var cutoff = _timeProvider.GetUtcNow() - _options.EventRetention;
            await _store.WriteAsync(w => w.DeleteScannedEventsReceivedBeforeAsync(cutoff), ct).ConfigureAwait(false);
            var duration = _timeProvider.GetElapsedTime(started);
            _metrics?.RecordScanPass(duration);
            var total = tally.Total;
            if (total.EventsProcessed > 0)
            {
                LogPass(_logger, total.EventsProcessed, total.IssuesCreated, total.IssuesRegressed, total.IssuesUnsnoozed, duration.TotalMilliseconds);
            }

            return tally;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The scan lease, or null when another process holds it and, if <paramref name="wait"/>, its passes have scanned
    /// every event stored before the call. Polled: the other process frees it between its passes.
    /// </summary>
    private async Task<IAsyncDisposable?> TakeLeaseAsync(bool wait, CancellationToken ct)
    {
        var lease = await _store.TryAcquireLeaseAsync(StoreLeases.Scan, ct).ConfigureAwait(false);
        if (lease is not null || !wait)
        {
            return lease;
        }

        var stored = await _store.ReadAsync(r => r.GetLastEventSequenceAsync(), ct).ConfigureAwait(false);
        while (await _store.ReadAsync(r => r.GetScanCheckpointAsync(), ct).ConfigureAwait(false) < stored)
        {
            await Task.Delay(LeasePoll, ct).ConfigureAwait(false);
            if (await _store.TryAcquireLeaseAsync(StoreLeases.Scan, ct).ConfigureAwait(false) is { } taken)
            {
                return taken;
            }
        }

        return null;
    }

    /// <summary>Waits for a lull in ingest (bounded by <see cref="MaxYield"/>).</summary>
    /// <returns>The size of the next unit: full after a lull, short while ingest is still busy.</returns>
    private async Task<int> GiveWayToIngestAsync(CancellationToken ct)
    {
        var fullSize = _options.ScanBatchSize ?? _store.PreferredScanBatchSize;
        if (_signal is null || !_options.ScanGivesWayToIngest)
        {
            return fullSize;
        }

        var waited = TimeSpan.Zero;
        while (IngestIsStreaming(_signal) && waited < MaxYield)
        {
            // At least a millisecond, except the last step, which ends the wait at its bound: the rest of the bound
            // after steps of fractional milliseconds can be shorter than one (a clamp to [1 ms, rest] then threw).
            var step = TimeSpan.FromTicks(Math.Min(Math.Max((IngestLull - _signal.SinceLastIngest).Ticks, TimeSpan.TicksPerMillisecond), (MaxYield - waited).Ticks));
            await Task.Delay(step, ct).ConfigureAwait(false);
            waited += step;
        }

        return IngestIsStreaming(_signal) ? Math.Min(fullSize, UnitSizeUnderIngest) : fullSize;
    }

    /// <summary>
    /// Ingest calls are waiting to store events, or ingest committed twice in quick succession and the last time just
    /// now. A lone ingest call that already finished does not count.
    /// </summary>
    private static bool IngestIsStreaming(ScanSignal signal) =>
        signal.IngestInFlight > 0 || (signal.SinceLastIngest < IngestLull && signal.LastIngestGap < StreamGap);

    /// <summary>
    /// Reads the events after <paramref name="after"/> (the stored checkpoint when null), at most <paramref name="size"/>
    /// and none after <paramref name="until"/>, and plans them, joining the bursts <paramref name="open"/> holds if they
    /// end where the batch begins.
    /// </summary>
    /// <returns>The planned batch, or null when nothing up to <paramref name="until"/> is left.</returns>
    private async Task<PlannedBatch?> ReadBatchAsync(long? after, long until, int size, OpenBursts open, CancellationToken ct)
    {
        var (checkpoint, events) = await _store.ReadAsync(
            async r =>
            {
                var checkpoint = after ?? await r.GetScanCheckpointAsync().ConfigureAwait(false);
                return (checkpoint, await r.ListEventsAfterAsync(checkpoint, size).ConfigureAwait(false));
            },
            ct).ConfigureAwait(false);
        var batch = events.TakeWhile(e => e.Sequence <= until).ToList();
        return batch.Count == 0 ? null : await PlanAsync(checkpoint, batch, isLast: batch.Count < size, open.Following(checkpoint), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A batch read ahead at the last unit's size, fitted to the size that giving way to ingest allows the next unit: its
    /// first <paramref name="size"/> events when ingest started to stream during the last unit, or read again at the
    /// larger size when ingest stopped.
    /// </summary>
    private async Task<PlannedBatch?> FitAsync(PlannedBatch? batch, long until, int size, CancellationToken ct) => batch switch
    {
        null => null,
        _ when batch.Events.Count > size => await PlanAsync(batch.Checkpoint, [.. batch.Events.Take(size)], isLast: false, batch.Earlier, ct).ConfigureAwait(false),
        _ when batch.Events.Count < size && !batch.IsLast => await ReadBatchAsync(batch.Checkpoint, until, size, batch.Earlier, ct).ConfigureAwait(false),
        _ => batch,
    };

    private async Task<PlannedBatch> PlanAsync(long checkpoint, IReadOnlyList<ErrorEvent> events, bool isLast, OpenBursts earlier, CancellationToken ct)
    {
        // Fingerprinting and grouping are pure CPU work: done before the unit of work so it stays short.
        var plan = ScanPlanner.Plan(events, _strategy, earlier, _timeProvider.GetUtcNow());
        var names = _notifications is null ? null : await _notifications.ResolveNamesAsync(plan.Parts, ct).ConfigureAwait(false);
        return new PlannedBatch(checkpoint, events, isLast, plan.Parts, names, earlier, plan.Open);
    }

    /// <returns>What the batch did.</returns>
    private async Task<ScanTally> ApplyBatchAsync(PlannedBatch batch, CancellationToken ct)
    {
        var now = _timeProvider.GetUtcNowMilliseconds();
        var (tally, notified) = await _store.WriteAsync(
            async writer =>
            {
                if (await writer.GetScanCheckpointAsync().ConfigureAwait(false) != batch.Checkpoint)
                {
                    throw new InvalidOperationException("The scan checkpoint moved under a running scan; another process is scanning this store.");
                }

                var outcome = await ScanBatchApplier.ApplyAsync(writer, batch.Parts, now).ConfigureAwait(false);

                // In the batch's own unit: the notifications commit, or roll back, with the changes they report.
                var notified = batch.Names is { } names && await NotificationRecorder.RecordScanBatchAsync(writer, outcome, names, now).ConfigureAwait(false);
                await writer.SetScanCheckpointAsync(batch.Events[^1].Sequence).ConfigureAwait(false);
                return (outcome.Tally, notified);
            },
            ct).ConfigureAwait(false);
        _metrics?.RecordScanBatch(tally.Total);
        if (notified)
        {
            _notifications!.Signal();
        }

        return tally;
    }

    /// <summary>
    /// A batch of events read after the checkpoint <see cref="Checkpoint"/>, fingerprinted and grouped, and the names its
    /// notifications need. <see cref="IsLast"/>: the read found fewer events up to the pass's end than it asked for.
    /// <see cref="Earlier"/>: the bursts it was planned to continue; <see cref="Open"/>: the bursts it leaves open.
    /// </summary>
    private sealed record PlannedBatch(
        long Checkpoint, IReadOnlyList<ErrorEvent> Events, bool IsLast, IReadOnlyList<ScanPart> Parts, NotificationNames? Names, OpenBursts Earlier, OpenBursts Open);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Scan pass: {EventsScanned} events scanned, {IssuesCreated} issues created, {IssuesRegressed} regressed, {IssuesUnsnoozed} unsnoozed in {DurationMs:0} ms")]
    private static partial void LogPass(ILogger logger, int eventsScanned, int issuesCreated, int issuesRegressed, int issuesUnsnoozed, double durationMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scan pass skipped: another process sharing the store holds the scan lease")]
    private static partial void LogLeaseHeldElsewhere(ILogger logger);
}
