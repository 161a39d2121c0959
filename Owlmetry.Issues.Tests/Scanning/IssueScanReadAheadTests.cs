using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>
/// A store whose reads run beside its writes gets the next batch read while the current batch's unit is being written;
/// any other store only after it, so that the read never takes the writer's turn from a waiting ingest call.
/// </summary>
public sealed class IssueScanReadAheadTests
{
    // 25 events in units of 10: the pass's end and the first batch are read before any unit. Reading ahead, each unit
    // has the read of what follows it, the last one finding nothing; otherwise the reads follow the units, and none
    // after the short last one. A read ahead is used as it is when giving way allows the unit it was read for.
    [TestCase(true, 3, 5)]
    [TestCase(false, 0, 4)]
    public async Task ScanAsync_ThreeUnits_ReadsTheNextBatchWhileAUnitIsWrittenOnlyWhereReadsRunBesideWrites(bool readsBesideWrites, int whileWriting, int reads)
    {
        var world = new ScanWorld();
        await world.Issues.Ingestor.IngestAsync(world.Source, [.. Enumerable.Range(0, 25).Select(i => Error($"Failure {i % 3}", Guid.NewGuid()))]);
        var store = new PendingWritesStore(world.Issues.Store, readsBesideWrites);
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 10 }));

        var result = await scanner.ScanAsync();

        Assert.That(result.EventsProcessed, Is.EqualTo(25), "the events scanned");
        Assert.That((store.ReadsWhileWriting, store.Reads), Is.EqualTo((whileWriting, reads)), "(reads asked for while a unit was written, reads in all)");
    }

    [Test]
    public async Task ScanAsync_UnitFailsWhileTheNextBatchIsRead_FailsOnceTheReadHasEnded()
    {
        var world = new ScanWorld();
        await world.Issues.Ingestor.IngestAsync(world.Source, [.. Enumerable.Range(0, 25).Select(i => Error($"Failure {i % 3}", Guid.NewGuid()))]);
        var store = new FailingUnitsStore(world.Issues.Store);
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 10 }));

        Assert.That(() => scanner.ScanAsync(), Throws.TypeOf<IOException>(), "the unit's failure");
        Assert.That(store.ReadAheadEnded, Is.True, "the pass failed while its read ahead was still running, left unobserved");
    }

    /// <summary>Counts the reads, and those asked for while a write unit is pending; each unit yields before it starts, as a database's round trip would.</summary>
    private sealed class PendingWritesStore(IIssueStore inner, bool readsBesideWrites) : IIssueStore
    {
        private int _pendingWrites;

        public int ReadsWhileWriting { get; private set; }

        public int Reads { get; private set; }

        public bool ReadsBesideWrites => readsBesideWrites;

        public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
        {
            Reads++;
            if (Volatile.Read(ref _pendingWrites) > 0)
            {
                ReadsWhileWriting++;
            }

            return inner.ReadAsync(read, ct);
        }

        public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _pendingWrites);
            try
            {
                await Task.Yield();
                return await inner.WriteAsync(write, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _pendingWrites);
            }
        }
    }

    /// <summary>
    /// Reads beside writes, and every unit fails after its work, as a crash before commit would; a read asked for while
    /// a unit is pending (the read ahead) ends 200 ms after that unit has failed.
    /// </summary>
    private sealed class FailingUnitsStore(IIssueStore inner) : IIssueStore
    {
        private readonly TaskCompletionSource _unitFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pendingWrites;

        public bool ReadAheadEnded { get; private set; }

        public bool ReadsBesideWrites => true;

        public async Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
        {
            if (Volatile.Read(ref _pendingWrites) == 0)
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
            Interlocked.Increment(ref _pendingWrites);
            try
            {
                await Task.Yield();
                return await inner.WriteAsync<T>(
                    async writer =>
                    {
                        await write(writer);
                        throw new IOException("simulated crash before commit");
                    },
                    ct);
            }
            catch (IOException)
            {
                _unitFailed.TrySetResult();
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _pendingWrites);
            }
        }
    }
}
