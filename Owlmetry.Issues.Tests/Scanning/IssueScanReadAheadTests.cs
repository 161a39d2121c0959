using System.Text;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>
/// A store whose reads run beside its writes is asked for the next batch as soon as for the current batch's unit; any
/// other store only after the unit, so that the read never takes the writer's turn from a waiting ingest call. That the
/// read then runs while the unit is open is shown on PostgreSQL (<c>PostgreSqlScanReadAheadTests</c>).
/// </summary>
public sealed class IssueScanReadAheadTests
{
    // 25 events in units of 10, and the pass's end read first. Reading ahead, the read of what follows a unit is asked
    // for once its write is, the last one finding nothing, and used as it is when giving way allows the unit it was
    // read for; otherwise each read follows the write before it, and none follows the short last batch. The last write
    // deletes the scanned events past retention.
    [TestCase(true, "RRWRWRWRW")]
    [TestCase(false, "RRWRWRWW")]
    public async Task ScanAsync_ThreeUnits_AsksForTheNextBatchWithTheUnitOnlyWhereReadsRunBesideWrites(bool readsBesideWrites, string calls)
    {
        var world = new ScanWorld();
        await world.Issues.Ingestor.IngestAsync(world.Source, [.. Enumerable.Range(0, 25).Select(i => Error($"Failure {i % 3}", Guid.NewGuid()))]);
        var store = new CallOrderStore(world.Issues.Store, readsBesideWrites);
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 10 }));

        var result = await scanner.ScanAsync();

        Assert.That(result.EventsProcessed, Is.EqualTo(25), "the events scanned");
        Assert.That(store.Calls.ToString(), Is.EqualTo(calls), "the store's reads (R) and writes (W), in the order they were asked for");
    }

    [Test]
    public async Task ScanAsync_UnitFailsWhileTheNextBatchIsRead_FailsOnceTheReadHasEnded()
    {
        var world = new ScanWorld();
        await world.Issues.Ingestor.IngestAsync(world.Source, [.. Enumerable.Range(0, 25).Select(i => Error($"Failure {i % 3}", Guid.NewGuid()))]);
        var store = new SlowReadAheadStore(new InterceptingIssueStore(world.Issues.Store) { FailNextWriteAfterWork = true, ReadsBesideWrites = true });
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 10 }));

        Assert.That(() => scanner.ScanAsync(), Throws.TypeOf<IOException>(), "the unit's failure");
        Assert.That(store.ReadAheadEnded, Is.True, "the pass failed while its read ahead was still running, left unobserved");
    }

    /// <summary>Records each read (R) and write (W) as it is asked for, before the inner store runs it.</summary>
    private sealed class CallOrderStore(IIssueStore inner, bool readsBesideWrites) : IIssueStore
    {
        public StringBuilder Calls { get; } = new();

        public bool ReadsBesideWrites => readsBesideWrites;

        public int PreferredScanBatchSize => inner.PreferredScanBatchSize;

        public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) => inner.TryAcquireLeaseAsync(name, ct);

        public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
        {
            Calls.Append('R');
            return inner.ReadAsync(read, ct);
        }

        public Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
        {
            Calls.Append('W');
            return inner.WriteAsync(write, ct);
        }
    }

    /// <summary>A read asked for after a unit (the read ahead) ends 200 ms after that unit has failed.</summary>
    private sealed class SlowReadAheadStore(IIssueStore inner) : IIssueStore
    {
        private readonly TaskCompletionSource _unitFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _writeAskedFor;

        public bool ReadAheadEnded { get; private set; }

        public bool ReadsBesideWrites => inner.ReadsBesideWrites;

        public int PreferredScanBatchSize => inner.PreferredScanBatchSize;

        public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) => inner.TryAcquireLeaseAsync(name, ct);

        public async Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
        {
            if (!_writeAskedFor)
            {
                return await inner.ReadAsync(read, ct);
            }

            await _unitFailed.Task;
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            var result = await inner.ReadAsync(read, ct);
            ReadAheadEnded = true;
            return result;
        }

        public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
        {
            _writeAskedFor = true;
            try
            {
                return await inner.WriteAsync(write, ct);
            }
            catch (IOException)
            {
                _unitFailed.TrySetResult();
                throw;
            }
        }
    }
}
