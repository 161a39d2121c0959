using System.Diagnostics;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>While ingest is busy the scan runs shorter units, and still scans every event exactly once.</summary>
public sealed class IssueScanGivesWayTests
{
    [Test]
    public async Task Scan_WhileIngestKeepsCommitting_UsesShortUnitsAndScansEveryEventOnce([Values] bool readsBesideWrites)
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        // Reading ahead, the scan reads each next batch at the short unit's size while the unit runs.
        var store = new CountingStore(new InterceptingIssueStore(world.Issues.Store) { ReadsBesideWrites = readsBesideWrites });
        var scanner = Scanner(world, store, signal);
        await IngestAsync(world, batches: 18, i => $"Failure {(char)('a' + (i % 20))}");

        // Ingest stays busy for the whole scan: each wait for a lull ends at the bound.
        signal.IngestCommittedAt(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3_600));
        signal.IngestCommittedAt(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3_600));

        var scan = await scanner.ScanAsync();

        Assert.That(scan.EventsProcessed, Is.EqualTo(1_800));
        Assert.That(scan.OccurrencesCreated, Is.EqualTo(1_800));
        Assert.That(store.ScanUnitSizes, Is.EqualTo(Enumerable.Repeat(IssueScanner.UnitSizeUnderIngest, 1_800 / IssueScanner.UnitSizeUnderIngest).Append(1_800 % IssueScanner.UnitSizeUnderIngest).Where(n => n > 0)));
        Assert.That(await world.Issues.Store.ReadAsync(async r => await r.ListEventsAfterAsync(await r.GetScanCheckpointAsync(), 10)), Is.Empty);
    }

    [Test]
    public async Task Scan_IngestEndsDuringTheFirstShortUnit_NextUnitsAreFull([Values] bool readsBesideWrites)
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        // The ingest call in flight when the scan starts ends just before the scan's first unit commits.
        var intercepting = new InterceptingIssueStore(world.Issues.Store)
        {
            ReadsBesideWrites = readsBesideWrites,
            BeforeNextWrite = () =>
            {
                signal.IngestFinished();
                return Task.CompletedTask;
            },
        };
        var store = new CountingStore(intercepting);
        var scanner = Scanner(world, store, signal);
        await IngestAsync(world, batches: 18, _ => "Failure");

        signal.IngestStarted();

        var scan = await scanner.ScanAsync();

        Assert.That(scan.EventsProcessed, Is.EqualTo(1_800));
        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { IssueScanner.UnitSizeUnderIngest, 600, 600, 1_800 - IssueScanner.UnitSizeUnderIngest - 1_200 }), "after a full unit the scan asks again, and runs full units once ingest is quiet");
    }

    [Test]
    public async Task Scan_IngestStartsDuringTheFirstFullUnit_NextUnitsAreShort([Values] bool readsBesideWrites)
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        // Ingest starts to stream just before the scan's first unit commits; read ahead, the next batch is full-size.
        var intercepting = new InterceptingIssueStore(world.Issues.Store)
        {
            ReadsBesideWrites = readsBesideWrites,
            BeforeNextWrite = () =>
            {
                signal.IngestCommittedAt(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3_600));
                signal.IngestCommittedAt(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3_600));
                return Task.CompletedTask;
            },
        };
        var store = new CountingStore(intercepting);
        var scanner = Scanner(world, store, signal);
        await IngestAsync(world, batches: 18, _ => "Failure");

        var scan = await scanner.ScanAsync();

        Assert.That(scan.EventsProcessed, Is.EqualTo(1_800));
        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 600, 250, 250, 250, 250, 200 }), "once ingest streams, units are short, whatever was read ahead");
    }

    [Test]
    public async Task Scan_IngestInFlightAfterACommitMillisecondsAgo_WaitsItsBoundThenRunsAShortUnit()
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        var store = new CountingStore(world.Issues.Store);
        var scanner = Scanner(world, store, signal);
        await IngestAsync(world, batches: 3, _ => "Failure");

        // The first wait is the rest of the lull after a commit 5 ms ago, a fraction of a millisecond included; the
        // ones after it last 1 ms each until the bound. The last of them is then shorter than a millisecond.
        signal.IngestStarted();
        signal.IngestCommittedAt(Stopwatch.GetTimestamp() - (Stopwatch.Frequency / 200));

        var scan = await scanner.ScanAsync();

        Assert.That(scan.EventsProcessed, Is.EqualTo(300));
        Assert.That(store.ScanUnitSizes.First(), Is.EqualTo(IssueScanner.UnitSizeUnderIngest), "ingest in flight after the wait: a short unit");
    }

    [Test]
    public async Task Scan_WhileIngestKeepsCommitting_WithGivingWayOff_UsesFullUnits()
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        var store = new CountingStore(world.Issues.Store);
        var options = new IssuesOptions { ScanBatchSize = 600, ScanGivesWayToIngest = false };
        var scanner = Scanner(world, store, signal, options);
        await IngestAsync(world, batches: 18, _ => "Failure");

        signal.IngestCommittedAt(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3_600));
        signal.IngestCommittedAt(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3_600));

        await scanner.ScanAsync();

        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 600, 600, 600 }), "with giving way off, a busy ingest must not shorten the units");
    }

    [Test]
    public async Task Scan_AfterALoneIngestCall_RunsAFullUnit()
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        var store = new CountingStore(world.Issues.Store);
        var scanner = Scanner(world, store, signal);
        await IngestAsync(world, batches: 3, _ => "Crash");

        signal.IngestCommitted();

        var scan = await scanner.ScanAsync();

        Assert.That(scan.EventsProcessed, Is.EqualTo(300));
        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 300 }), "one ingest call just now is not a stream to give way to");
    }

    [Test]
    public async Task Scan_AStreamThatEndedSecondsAgo_RunsFullUnits()
    {
        var world = new ScanWorld();
        var signal = new ScanSignal();
        var store = new CountingStore(world.Issues.Store);
        var scanner = Scanner(world, store, signal);
        await IngestAsync(world, batches: 12, _ => "Failure");

        // Two commits 10 ms apart, the last of them 10 s ago: a stream, but long over.
        var tenSecondsAgo = Stopwatch.GetTimestamp() - (Stopwatch.Frequency * 10);
        signal.IngestCommittedAt(tenSecondsAgo - (Stopwatch.Frequency / 100));
        signal.IngestCommittedAt(tenSecondsAgo);

        await scanner.ScanAsync();

        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 600, 600 }), "a stream counts only while its last commit is recent");
    }

    [Test]
    public async Task Scan_WithoutIngest_UsesFullUnits()
    {
        var world = new ScanWorld();
        var store = new CountingStore(world.Issues.Store);
        var scanner = Scanner(world, store, new ScanSignal());
        await IngestAsync(world, batches: 18, _ => "Failure");

        await scanner.ScanAsync();

        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 600, 600, 600 }));
    }

    [Test]
    public async Task Scan_WithoutABatchSizeOption_UsesTheStoresPreferredUnitSize()
    {
        var world = new ScanWorld();
        var store = new CountingStore(world.Issues.Store) { PreferredScanBatchSize = 700 };
        var scanner = Scanner(world, store, new ScanSignal(), new IssuesOptions());
        await IngestAsync(world, batches: 18, _ => "Failure");

        await scanner.ScanAsync();

        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 700, 700, 400 }), "units of the store's preferred size when the options name none");
    }

    [Test]
    public async Task Scan_WithABatchSizeOption_UsesItInsteadOfTheStoresPreference()
    {
        var world = new ScanWorld();
        var store = new CountingStore(world.Issues.Store) { PreferredScanBatchSize = 700 };
        var scanner = Scanner(world, store, new ScanSignal(), new IssuesOptions { ScanBatchSize = 500 });
        await IngestAsync(world, batches: 12, _ => "Failure");

        await scanner.ScanAsync();

        Assert.That(store.ScanUnitSizes, Is.EqualTo(new[] { 500, 500, 200 }), "the option's size, not the store's");
    }

    private static IssueScanner Scanner(ScanWorld world, IIssueStore store, ScanSignal signal, IssuesOptions? options = null) =>
        new(store, new DefaultFingerprintStrategy(), world.Clock, Options.Create(options ?? new IssuesOptions { ScanBatchSize = 600 }), signal: signal);

    /// <summary>Ingests <paramref name="batches"/> calls of 100 error events; the i-th event of a call has the message <paramref name="message"/>(i).</summary>
    private static async Task IngestAsync(ScanWorld world, int batches, Func<int, string> message)
    {
        for (var batch = 0; batch < batches; batch++)
        {
            await world.Issues.Ingestor.IngestAsync(world.Source, Enumerable.Range(0, 100).Select(i => Error(message(i), Guid.NewGuid())).ToList());
        }
    }

    /// <summary>Records how far each write unit moved the scan checkpoint: with sequences 1..n, the size of each scan unit.</summary>
    private sealed class CountingStore(IIssueStore inner) : IIssueStore
    {
        public List<int> ScanUnitSizes { get; } = [];

        public bool ReadsBesideWrites => inner.ReadsBesideWrites;

        public int PreferredScanBatchSize { get; init; } = inner.PreferredScanBatchSize;

        public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) => inner.TryAcquireLeaseAsync(name, ct);

        public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default) => inner.ReadAsync(read, ct);

        public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
        {
            var before = await inner.ReadAsync(r => r.GetScanCheckpointAsync(), ct);
            var result = await inner.WriteAsync(write, ct);
            var after = await inner.ReadAsync(r => r.GetScanCheckpointAsync(), ct);
            if (after != before)
            {
                ScanUnitSizes.Add((int)(after - before));
            }

            return result;
        }
    }
}
