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
    // Three full units: during each the read of what follows it, the last one finding nothing.
    [TestCase(true, ExpectedResult = 3)]
    [TestCase(false, ExpectedResult = 0)]
    public async Task<int> ScanAsync_ThreeFullBatches_ReadsWhatFollowsEachWhileItIsWrittenOnlyWhereReadsRunBesideWrites(bool readsBesideWrites)
    {
        var world = new ScanWorld();
        await world.Issues.Ingestor.IngestAsync(world.Source, [.. Enumerable.Range(0, 30).Select(i => Error($"Failure {i % 3}", Guid.NewGuid()))]);
        var store = new PendingWritesStore(world.Issues.Store, readsBesideWrites);
        var scanner = new IssueScanner(store, new DefaultFingerprintStrategy(), world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 10 }));

        var result = await scanner.ScanAsync();

        Assert.That(result.EventsProcessed, Is.EqualTo(30), "the events scanned");
        return store.ReadsWhileWriting;
    }

    /// <summary>Counts the reads asked for while a write unit is pending; each unit yields before it starts, as a database's round trip would.</summary>
    private sealed class PendingWritesStore(IIssueStore inner, bool readsBesideWrites) : IIssueStore
    {
        private int _pendingWrites;

        public int ReadsWhileWriting { get; private set; }

        public bool ReadsBesideWrites => readsBesideWrites;

        public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
        {
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
}
