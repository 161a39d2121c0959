using System.Diagnostics.Metrics;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Diagnostics;

/// <summary>
/// The library's instruments, on the <see cref="MeterName"/> meter of <c>System.Diagnostics.Metrics</c>: events ingest
/// accepted and refused, ingest batch and scan durations, the issues the scan created and regressed, and the scan's
/// lag. Any metrics listener sees them, e.g. OpenTelemetry with <c>AddMeter(IssuesMetrics.MeterName)</c>.
/// </summary>
internal sealed class IssuesMetrics
{
    /// <summary>The name of the meter every Owlmetry instrument belongs to.</summary>
    public const string MeterName = "Owlmetry.Issues";

    internal const string ReasonTag = "reason";
    internal const string InvalidReason = "invalid";
    internal const string DuplicateReason = "duplicate";
    internal const string BatchTooLargeReason = "batch_too_large";
    internal const string StoreFailedReason = "store_failed";

    // A scrape reads observable instruments synchronously; a store busy with a long unit must not hold it.
    private static readonly TimeSpan s_scanLagReadTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Boundaries for durations from a millisecond to a minute (the default ones suit milliseconds, not seconds).</summary>
    private static readonly IReadOnlyList<double> s_durationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly ScanLag _scanLag;
    private readonly TimeProvider _timeProvider;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _ingestDuration;
    private readonly Histogram<double> _scanDuration;
    private readonly Counter<long> _scanned;
    private readonly Counter<long> _created;
    private readonly Counter<long> _regressed;

    /// <summary>Creates the instruments on the meter <paramref name="meterFactory"/> gives for <see cref="MeterName"/>.</summary>
    public IssuesMetrics(IMeterFactory meterFactory, ScanLag scanLag, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _scanLag = scanLag;
        _timeProvider = timeProvider;
        var meter = meterFactory.Create(MeterName);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets };
        _accepted = meter.CreateCounter<long>("owlmetry.ingest.events.accepted", "{event}", "Events ingest accepted (durable when counted).");
        _refused = meter.CreateCounter<long>(
            "owlmetry.ingest.events.refused", "{event}", "Events ingest did not keep, by reason: invalid, duplicate, batch_too_large, store_failed.");
        _ingestDuration = meter.CreateHistogram("owlmetry.ingest.duration", "s", "Time to ingest one batch, until its events are durable.", advice: seconds);
        _scanDuration = meter.CreateHistogram("owlmetry.scan.duration", "s", "Time of one completed scan pass.", advice: seconds);
        _scanned = meter.CreateCounter<long>("owlmetry.scan.events", "{event}", "Error events the scan processed.");
        _created = meter.CreateCounter<long>("owlmetry.issues.created", "{issue}", "Issues the scan created.");
        _regressed = meter.CreateCounter<long>("owlmetry.issues.regressed", "{issue}", "Resolved issues the scan found again in a newer app version.");
        meter.CreateObservableGauge("owlmetry.scan.lag", ObserveScanLag, "s", "Age of the oldest error event the scan has not processed yet; 0 when none waits.");
    }

    internal void RecordBatch(int accepted, int invalid, int duplicates, TimeSpan duration)
    {
        _accepted.Add(accepted);
        AddRefused(invalid, InvalidReason);
        AddRefused(duplicates, DuplicateReason);
        _ingestDuration.Record(duration.TotalSeconds);
    }

    internal void AddRefused(int events, string reason)
    {
        if (events > 0)
        {
            _refused.Add(events, new KeyValuePair<string, object?>(ReasonTag, reason));
        }
    }

    internal void RecordScanBatch(IssueScanResult batch)
    {
        _scanned.Add(batch.EventsProcessed);
        _created.Add(batch.IssuesCreated);
        _regressed.Add(batch.IssuesRegressed);
    }

    internal void RecordScanPass(TimeSpan duration) => _scanDuration.Record(duration.TotalSeconds);

    private IEnumerable<Measurement<double>> ObserveScanLag()
    {
        using var timeout = new CancellationTokenSource(s_scanLagReadTimeout, _timeProvider);
        try
        {
            return [new(_scanLag.MeasureAsync(timeout.Token).GetAwaiter().GetResult().TotalSeconds)];
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }
}
