using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.DependencyInjection;

/// <summary>Options of the issue library, configured through <c>AddOwlmetryIssues(o => …)</c>.</summary>
public sealed class IssuesOptions
{
    /// <summary>The page size of lists when the caller gives none. Default 50.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest page size a caller may ask for; larger limits are clamped. Default 200.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>How many of the newest attachments an issue detail carries. Default 100.</summary>
    public int DetailAttachmentLimit { get; set; } = 100;

    /// <summary>
    /// Whether the background service of <c>AddBackgroundScan()</c> scans. Default true. False leaves accepted events
    /// pending until a scan run by hand (<see cref="IssueScanner.ScanAsync"/>) or a triggered scan job: an application's
    /// integration test sets it with <c>services.Configure&lt;IssuesOptions&gt;(o =&gt; o.BackgroundScan = false)</c> in
    /// <c>ConfigureTestServices</c>, so no scan runs on its own timer.
    /// </summary>
    public bool BackgroundScan { get; set; } = true;

    /// <summary>The longest an accepted error event waits for the background scan. Default 2 seconds.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many events one scan unit of work covers; the scan streams batch after batch. Default null: the store's
    /// <see cref="IIssueStore.PreferredScanBatchSize"/> (5,000 in memory and on LiteDB, 10,000 on PostgreSQL). While
    /// ingest streams, the scan gives way and its units are shorter (see <see cref="IssueScanner"/>).
    /// </summary>
    public int? ScanBatchSize { get; set; }

    /// <summary>
    /// Whether the scan gives way to a steady stream of ingest (short units, waiting for lulls). Default true: ingest
    /// calls are answered sooner and the scan catches up when the stream eases, so under ingest near the machine's
    /// capacity occurrences can lag more than <see cref="ScanInterval"/>. False keeps full units, and with them the
    /// scan's pace, at the cost of ingest throughput (about half, measured on a 2-core machine).
    /// </summary>
    public bool ScanGivesWayToIngest { get; set; } = true;

    /// <summary>How long scanned error events are kept after they were received. Default 30 days.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);

    internal int ClampPageSize(int? limit) => Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
}
