using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Time;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Notifications;

/// <summary>The outbox handed to in-process handlers.</summary>
public sealed class NotificationDispatcherTests
{
    private ScanWorld _world = null!;
    private RecordingNotificationHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new ScanWorld();
        _handler = new RecordingNotificationHandler();
        _world.Issues.NotificationHandlers.Add(_handler);
    }

    [Test]
    public async Task DispatchPendingAsync_AfterScan_HandsTheTypedNotificationOverOnce()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));
        var entry = (await PendingAsync()).Single();

        var first = await _world.Issues.Notifications.DispatchPendingAsync();
        var second = await _world.Issues.Notifications.DispatchPendingAsync();

        var received = (IssueNewNotification)_handler.Received.Single();
        Assert.That((first, second), Is.EqualTo((1, 0)));
        Assert.That(received.Id, Is.EqualTo(entry.Id));
        Assert.That(received.CreatedAt, Is.EqualTo(entry.CreatedAt));
        Assert.That(NotificationJson.Serialize(received), Is.EqualTo(entry.Payload), "the typed notification serializes back to the recorded payload");
        var settled = await _world.Issues.Store.ReadAsync(r => r.FindNotificationAsync(entry.Id));
        Assert.That(settled!.Status, Is.EqualTo(NotificationDispatchStatus.Dispatched));
        Assert.That(settled.DispatchedAt, Is.EqualTo(_world.Clock.GetUtcNowMilliseconds()));
    }

    [Test]
    public async Task DispatchPendingAsync_HandlerFailsOnce_IsTriedAgainOnTheNextPass()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));
        _handler.FailuresLeft = 1;

        var failed = await _world.Issues.Notifications.DispatchPendingAsync();
        var afterFailure = (await PendingAsync()).Single();
        var retried = await _world.Issues.Notifications.DispatchPendingAsync();

        Assert.That((failed, retried), Is.EqualTo((0, 1)));
        Assert.That((afterFailure.Attempts, afterFailure.LastError), Is.EqualTo((1, "handler is down")));
        Assert.That(_handler.Received, Has.Count.EqualTo(1));
        Assert.That(await PendingAsync(), Is.Empty);
    }

    [Test]
    public async Task DispatchPendingAsync_HandlerKeepsFailing_GivesUpAfterTheLastAttempt()
    {
        var issues = new Testing.InMemoryIssues(_world.Clock, notificationOptions: new NotificationOptions { MaxDispatchAttempts = 3 });
        var app = issues.AddApp(issues.AddProject(_world.TeamId, "Shop").Id);
        issues.NotificationHandlers.Add(_handler);
        await issues.IngestAndScanAsync(app, [Error("Crash", Guid.NewGuid())]);
        _handler.FailuresLeft = 100;

        for (var pass = 0; pass < 5; pass++)
        {
            await issues.Notifications.DispatchPendingAsync();
        }

        Assert.That(_handler.FailuresLeft, Is.EqualTo(97), "three attempts, then no more");
        Assert.That(await issues.Store.ReadAsync(r => r.ListPendingNotificationsAsync(10)), Is.Empty);
    }

    [Test]
    public async Task DispatchPendingAsync_SecondHandlerFails_BothHandlersSeeTheRetry()
    {
        var second = new RecordingNotificationHandler { FailuresLeft = 1 };
        _world.Issues.NotificationHandlers.Add(second);
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));

        await _world.Issues.Notifications.DispatchPendingAsync();
        await _world.Issues.Notifications.DispatchPendingAsync();

        Assert.That(_handler.Received, Has.Count.EqualTo(2), "at least once: the first handler gets the retry too");
        Assert.That(_handler.Received.Select(n => n.Id).Distinct().Count(), Is.EqualTo(1), "with the same id, to drop the repeat");
        Assert.That(second.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DispatchPendingAsync_ProcessStoppedBeforeDispatch_NothingIsLostOnReopen()
    {
        using var folder = new TempFolder(create: false);
        var path = folder.File("issues.db");
        Guid notificationId;
        using (var store = new LiteDbIssueStore(path))
        {
            await new EventIngestor(store, _world.Clock, new ScanSignal(), []).IngestAsync(_world.Source, [Error("Crash", Guid.NewGuid())]);
            await new IssueScanner(store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions()), _world.Issues.Recorder).ScanAsync();
            notificationId = (await store.ReadAsync(r => r.ListPendingNotificationsAsync(10))).Single().Id;
        }

        using (var reopened = new LiteDbIssueStore(path))
        {
            var dispatcher = new NotificationDispatcher(
                reopened, [_handler], _world.Clock, Options.Create(new NotificationOptions()), NullLogger<NotificationDispatcher>.Instance);
            await dispatcher.DispatchPendingAsync();
            await dispatcher.DispatchPendingAsync();
        }

        Assert.That(_handler.Received.Select(n => n.Id), Is.EqualTo(new[] { notificationId }));
    }

    private Task<IReadOnlyList<OutboxNotification>> PendingAsync() => _world.Issues.Store.ReadAsync(r => r.ListPendingNotificationsAsync(10));
}
