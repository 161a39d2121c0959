using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// On PostgreSQL a read unit does not wait for the write units' lock, so the scan reads its next batch while the
/// current batch's unit is open, and the two run at once on the database.
/// </summary>
[TestFixture]
public sealed class PostgreSqlScanReadAheadTests : SchemaPerTest
{
    [Test]
    public async Task ScanAsync_ThreeBatches_ReadsTheNextBatchWhileTheFirstUnitIsOpen()
    {
        await using var store = Store();
        await store.WriteAsync(writer => writer.AppendEventsAsync([.. Enumerable.Range(0, 30).Select(i => new ErrorEventBuilder($"Failure {i % 3}").Build())]));
        var held = new FirstUnitHeldStore(store);
        var scanner = new IssueScanner(held, new DefaultFingerprintStrategy(), new FakeTimeProvider(TestTimes.At(0)), Options.Create(new IssuesOptions { ScanBatchSize = 10 }));

        var result = await scanner.ScanAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held.ReadDuringFirstUnit, Is.True, "no read finished while the first scan unit was open: the next batch was not read ahead");
            Assert.That(result.EventsProcessed, Is.EqualTo(30), "the events scanned");
            Assert.That(await store.ReadAsync(reader => reader.GetScanCheckpointAsync()), Is.EqualTo(30), "the checkpoint after the pass");
        }
    }

    /// <summary>
    /// Keeps its first write unit open, its work done, until a read asked for after that unit began has finished (at
    /// most 10 s): on a store whose reads wait for the writer, none can.
    /// </summary>
    private sealed class FirstUnitHeldStore(IIssueStore inner) : IIssueStore
    {
        private readonly TaskCompletionSource _readFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writes;

        public bool ReadDuringFirstUnit { get; private set; }

        public bool ReadsBesideWrites => inner.ReadsBesideWrites;

        public int PreferredScanBatchSize => inner.PreferredScanBatchSize;

        public async Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
        {
            var askedDuringWrite = Volatile.Read(ref _writes) > 0;
            var result = await inner.ReadAsync(read, ct);
            if (askedDuringWrite)
            {
                _readFinished.TrySetResult();
            }

            return result;
        }

        public Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _writes) > 1)
            {
                return inner.WriteAsync(write, ct);
            }

            return inner.WriteAsync(
                async writer =>
                {
                    var result = await write(writer);
                    ReadDuringFirstUnit = await Task.WhenAny(_readFinished.Task, Task.Delay(TimeSpan.FromSeconds(10), ct)) == _readFinished.Task;
                    return result;
                },
                ct);
        }

        public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) => inner.TryAcquireLeaseAsync(name, ct);
    }
}
