using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Tests.Ingest;

public sealed class EventIngestorTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [Test]
    public async Task IngestAsync_MixedBatch_RejectsBadEventsAloneWithIndexedMessages()
    {
        var events = new[] { Error("ok", Guid.NewGuid()), Error("bad", Guid.NewGuid()) with { Level = "fatal" }, Error("ok too", Guid.NewGuid()) };

        var result = (await _world.Issues.Ingestor.IngestAsync(_world.Source, events)).Value;

        Assert.That(result.Accepted, Is.EqualTo(2));
        Assert.That(result.Rejected, Is.EqualTo(1));
        Assert.That(result.Errors, Is.EqualTo(new[] { new IngestError(1, "events[1]: level must be one of: info, debug, warn, error") }));
    }

    [Test]
    public async Task IngestAsync_ErrorEvents_AreStoredWithIncreasingSequence()
    {
        await _world.Issues.Ingestor.IngestAsync(_world.Source, [Error("a", Guid.NewGuid()), Error("b", Guid.NewGuid()) with { Level = "info" }, Error("c", Guid.NewGuid())]);

        var stored = await _world.Issues.Store.ReadAsync(r => r.ListEventsAfterAsync(0, 10));

        Assert.That(stored.Select(e => (e.Message, e.Sequence)), Is.EqualTo(new[] { ("a", 1L), ("c", 2L) }));
    }

    [Test]
    public async Task IngestAsync_DuplicateClientEventIdInBatch_IsDroppedAndCountedInNeither()
    {
        var id = Guid.NewGuid().ToString();

        var result = (await _world.Issues.Ingestor.IngestAsync(_world.Source, [
            Error("a", Guid.NewGuid()) with { ClientEventId = id }, Error("a", Guid.NewGuid()) with { ClientEventId = id }])).Value;

        Assert.That((result.Accepted, result.Rejected), Is.EqualTo((1, 0)));
    }

    [Test]
    public async Task IngestAsync_ClientEventIdSeenInEarlierBatchEvenAfterScan_IsDropped()
    {
        var id = Guid.NewGuid().ToString();
        await _world.SendAsync(Error("a", Guid.NewGuid()) with { ClientEventId = id });
        _world.Clock.Advance(TimeSpan.FromDays(40));
        await _world.Issues.Scanner.ScanAsync();

        var again = (await _world.Issues.Ingestor.IngestAsync(_world.Source, [Error("a", Guid.NewGuid()) with { ClientEventId = id }])).Value;

        Assert.That((again.Accepted, again.Rejected), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task IngestAsync_SameClientEventIdOfAnotherApp_IsAccepted()
    {
        var id = Guid.NewGuid().ToString();
        var otherApp = _world.Issues.AddApp(_world.Project.Id, "Other");
        await _world.Issues.Ingestor.IngestAsync(_world.Source, [Error("a", Guid.NewGuid()) with { ClientEventId = id }]);

        var other = (await _world.Issues.Ingestor.IngestAsync(new IngestSource(otherApp.Id, _world.Project.Id, "backend"), [Error("a", Guid.NewGuid()) with { ClientEventId = id }])).Value;

        Assert.That(other.Accepted, Is.EqualTo(1));
    }

    [Test]
    public async Task IngestAsync_EmptyOrOversizedBatch_IsInvalid()
    {
        var empty = await _world.Issues.Ingestor.IngestAsync(_world.Source, []);
        var tooMany = await _world.Issues.Ingestor.IngestAsync(_world.Source, Enumerable.Range(0, 101).Select(_ => Error("x", Guid.NewGuid())).ToList());

        Assert.That(empty.Error?.Kind, Is.EqualTo(IssueErrorKind.Invalid));
        Assert.That(tooMany.Error, Is.EqualTo(IssueError.Invalid("events may hold at most 100 events")));
    }

    [Test]
    public async Task IngestAsync_Observer_SeesEveryAcceptedEventOfAnyLevelAfterCommit()
    {
        var observer = new RecordingObserver();
        var ingestor = new EventIngestor(_world.Issues.Store, _world.Clock, new ScanSignal(), [observer]);

        await ingestor.IngestAsync(_world.Source, [Error("a", Guid.NewGuid()) with { Level = "info" }, Error("b", Guid.NewGuid()), Error("bad", Guid.NewGuid()) with { Level = "x" }]);

        Assert.That(observer.Seen.Select(e => (e.Level, e.Event.Message)), Is.EqualTo(new[] { ("info", "a"), ("error", "b") }));
    }

    private sealed class RecordingObserver : IIngestObserver
    {
        public List<AcceptedEvent> Seen { get; } = [];

        public Task OnAcceptedAsync(IngestSource source, IReadOnlyList<AcceptedEvent> events, CancellationToken ct = default)
        {
            Seen.AddRange(events);
            return Task.CompletedTask;
        }
    }
}
