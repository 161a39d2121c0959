using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>What a scan pass reports beside the issues it writes: its log lines, its metrics and the wake of the notification dispatch.</summary>
public sealed class IssueScanReportingTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [Test]
    public void Constructor_NoOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new IssueScanner(_world.Issues.Store, new DefaultFingerprintStrategy(), _world.Clock, null!));

    [Test]
    public async Task ScanAsync_PassThatScannedEvents_LogsWhatItDidAtDebug()
    {
        await _world.IngestAsync(Error("Crash", Guid.NewGuid()), Error("Crash", Guid.NewGuid()), Error("Timeout", Guid.NewGuid()));
        var logs = new CapturingLoggerProvider();

        await Scanner(_world.Issues.Store, logs: logs).ScanAsync();

        var line = logs.Logs.Single();
        Assert.That((line.Level, line.Message), Is.EqualTo((LogLevel.Debug, "Scan pass: 3 events scanned, 2 issues created, 0 regressed, 0 unsnoozed in 0 ms")));
    }

    [Test]
    public async Task ScanAsync_NothingToScan_LogsNothing()
    {
        var logs = new CapturingLoggerProvider();

        await Scanner(_world.Issues.Store, logs: logs).ScanAsync();

        Assert.That(logs.Logs, Is.Empty);
    }

    [Test]
    public async Task ScanAsync_LeaseHeldByAnotherProcess_ScansNothingAndSaysWhy()
    {
        await _world.IngestAsync(Error("Crash", Guid.NewGuid()));
        var logs = new CapturingLoggerProvider();
        var store = new InterceptingIssueStore(_world.Issues.Store) { LeaseHeldElsewhere = true };

        var result = await Scanner(store, logs: logs).ScanAsync();

        Assert.That(result, Is.EqualTo(IssueScanResult.Empty));
        Assert.That(logs.Logs.Single().Message, Does.Contain("another process sharing the store holds the scan lease"));
        Assert.That(await _world.AllIssuesAsync(), Is.Empty);
    }

    [Test]
    public async Task ScanAsync_TwoBatches_CountsEventsAndIssuesPerBatchAndTimesThePass()
    {
        await _world.IngestAsync(Error("Crash", Guid.NewGuid()), Error("Crash", Guid.NewGuid()), Error("Timeout", Guid.NewGuid()));
        using var metrics = new RecordedMetrics(_world.Issues.Store, _world.Clock);

        await Scanner(_world.Issues.Store, batchSize: 2, metrics: metrics.Metrics).ScanAsync();

        var measured = metrics.Of("owlmetry.scan.events", "owlmetry.issues.created", "owlmetry.issues.regressed", "owlmetry.scan.duration")
            .Select(m => (m.Instrument, m.Value));
        Assert.That(measured, Is.EqualTo(new[]
        {
            ("owlmetry.scan.events", 2d), ("owlmetry.issues.created", 1d), ("owlmetry.issues.regressed", 0d),
            ("owlmetry.scan.events", 1d), ("owlmetry.issues.created", 1d), ("owlmetry.issues.regressed", 0d),
            ("owlmetry.scan.duration", 0d),
        }));
    }

    [Test]
    public async Task ScanAsync_NewIssues_RecordsTheirNotificationInTheOrderCreatedAndWakesTheDispatch()
    {
        await _world.IngestAsync(Error("Connection refused", Guid.NewGuid()), Error("Timeout", Guid.NewGuid()));
        var signal = new NotificationSignal();
        var scanner = new IssueScanner(
            _world.Issues.Store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions()), new NotificationRecorder(_world.Issues.Directory, signal));

        await scanner.ScanAsync();

        var notification = (IssueNewNotification)NotificationJson.Deserialize(
            (await _world.Issues.Store.ReadAsync(r => r.ListPendingNotificationsAsync(10))).Single());
        Assert.That(notification.Data.NewIssues.Select(i => i.Title), Is.EqualTo(new[] { "Connection refused", "Timeout" }));
        // On a clock that never moves, only the signal ends the wait; ten real seconds only bound a failing run.
        var woken = signal.WaitAsync(TimeSpan.FromDays(1), new FakeTimeProvider(), CancellationToken.None);
        Assert.That(await Task.WhenAny(woken, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(woken),
            "the dispatch was not woken: it would wait for its next interval");
    }

    private IssueScanner Scanner(IIssueStore store, int batchSize = 5_000, IssuesMetrics? metrics = null, CapturingLoggerProvider? logs = null) => new(
        store,
        new DefaultFingerprintStrategy(),
        _world.Clock,
        Options.Create(new IssuesOptions { ScanBatchSize = batchSize }),
        metrics: metrics,
        logger: logs?.CreateLogger<IssueScanner>());
}
