using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Ingest;

/// <summary>Concurrent ingest calls share units of work, and each still gets its own exact, durable result.</summary>
public sealed class IngestGroupCommitTests
{
    private static readonly DateTimeOffset s_now = TestTimes.ClockStart;

    private HeldStore _store = null!;
    private EventIngestor _ingestor = null!;
    private IngestSource _source = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new HeldStore();
        _ingestor = new EventIngestor(_store, new FakeTimeProvider(s_now), new ScanSignal(), []);
        _source = new IngestSource(Guid.NewGuid(), Guid.NewGuid(), "backend");
    }

    [Test]
    public async Task IngestAsync_CallsArrivingDuringAUnit_AreStoredTogetherInTheNextUnit()
    {
        var first = await StartHeldAsync([Error("a", Guid.NewGuid())]);
        var second = _ingestor.IngestAsync(_source, [Error("b", Guid.NewGuid()), Error("c", Guid.NewGuid())]);
        var third = _ingestor.IngestAsync(_source, [Error("d", Guid.NewGuid())]);

        _store.Release();
        var results = await Task.WhenAll(first, second, third);

        Assert.That(results.Select(r => r.Value.Accepted), Is.EqualTo(new[] { 1, 2, 1 }));
        Assert.That(_store.Units, Is.EqualTo(2));
        var stored = await _store.ReadAsync(r => r.ListEventsAfterAsync(0, 10));
        Assert.That(stored.Select(e => (e.Message, e.Sequence)), Is.EqualTo(new[] { ("a", 1L), ("b", 2L), ("c", 3L), ("d", 4L) }));
    }

    [Test]
    public async Task IngestAsync_SameClientEventIdInTwoCoalescedCalls_IsAcceptedOnceAndCountedInNeitherForTheSecond()
    {
        var clientEventId = Guid.NewGuid().ToString();
        var first = await StartHeldAsync([Error("a", Guid.NewGuid())]);
        var second = _ingestor.IngestAsync(_source, [Error("dup", Guid.NewGuid()) with { ClientEventId = clientEventId }]);
        var third = _ingestor.IngestAsync(_source, [Error("dup", Guid.NewGuid()) with { ClientEventId = clientEventId }, Error("e", Guid.NewGuid())]);

        _store.Release();
        await first;

        Assert.That(((await second).Value.Accepted, (await second).Value.Rejected), Is.EqualTo((1, 0)));
        Assert.That(((await third).Value.Accepted, (await third).Value.Rejected), Is.EqualTo((1, 0)));
        Assert.That(_store.Units, Is.EqualTo(2));
        Assert.That((await _store.ReadAsync(r => r.ListEventsAfterAsync(0, 10))).Select(e => e.Message), Is.EqualTo(new[] { "a", "dup", "e" }));
    }

    [Test]
    public async Task IngestAsync_OneCoalescedCallFails_OnlyThatCallFailsAndTheOthersAreStored()
    {
        _store.FailWhenStored = "poison";
        var first = await StartHeldAsync([Error("a", Guid.NewGuid())]);
        var good = _ingestor.IngestAsync(_source, [Error("b", Guid.NewGuid())]);
        var bad = _ingestor.IngestAsync(_source, [Error("poison", Guid.NewGuid())]);
        var alsoGood = _ingestor.IngestAsync(_source, [Error("c", Guid.NewGuid())]);

        _store.Release();
        await first;

        Assert.That((await good).Value.Accepted, Is.EqualTo(1));
        Assert.That((await alsoGood).Value.Accepted, Is.EqualTo(1));
        Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.That((await _store.ReadAsync(r => r.ListEventsAfterAsync(0, 10))).Select(e => e.Message), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task IngestAsync_CancelledWhileWaitingForAUnit_IsNotStored()
    {
        using var cancel = new CancellationTokenSource();
        var first = await StartHeldAsync([Error("a", Guid.NewGuid())]);
        var cancelled = _ingestor.IngestAsync(_source, [Error("never", Guid.NewGuid())], cancel.Token);

        await cancel.CancelAsync();
        _store.Release();
        await first;

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await _store.ReadAsync(r => r.ListEventsAfterAsync(0, 10))).Select(e => e.Message), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task IngestAsync_ManyConcurrentCalls_EveryEventIsStoredOnceWithDistinctSequences()
    {
        var calls = Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => _ingestor.IngestAsync(_source, Enumerable.Range(0, 10).Select(j => Error($"{i}-{j}", Guid.NewGuid())).ToList())))
            .ToList();
        _store.Release();

        var results = await Task.WhenAll(calls);

        Assert.That(results.Sum(r => r.Value.Accepted), Is.EqualTo(500));
        var stored = await _store.ReadAsync(r => r.ListEventsAfterAsync(0, 1_000));
        Assert.That(stored.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 500).Select(i => (long)i)));
        Assert.That(stored.Select(e => e.Message).Distinct().Count(), Is.EqualTo(500));
    }

    /// <summary>Starts a call whose unit is held open until <see cref="HeldStore.Release"/>, so that later calls queue behind it.</summary>
    private async Task<Task<IssueResult<IngestResult>>> StartHeldAsync(IReadOnlyList<IncomingEvent> events)
    {
        var call = _ingestor.IngestAsync(_source, events);
        await _store.FirstUnitStarted;
        return call;
    }

    /// <summary>An in-memory store whose first write unit waits for a release, and which counts write units.</summary>
    private sealed class HeldStore : IIssueStore
    {
        private readonly InMemoryIssueStore _inner = new();
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _units;

        public Task FirstUnitStarted => _started.Task;

        public int Units => _units;

        /// <summary>A unit that stores an event with this message throws after running, and so rolls back whole.</summary>
        public string? FailWhenStored { get; set; }

        public void Release() => _released.TrySetResult();

        public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default) => _inner.ReadAsync(read, ct);

        public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _units) == 1)
            {
                _started.TrySetResult();
                await _released.Task;
            }

            return await _inner.WriteAsync(
                async writer =>
                {
                    var result = await write(writer);
                    if (FailWhenStored is { } poison && (await writer.ListEventsAfterAsync(0, 10_000)).Any(e => e.Message == poison))
                    {
                        throw new InvalidOperationException("refused by the test store");
                    }

                    return result;
                },
                ct);
        }
    }
}
