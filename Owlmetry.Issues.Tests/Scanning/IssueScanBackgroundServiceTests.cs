using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>The scan as the host runs it: woken by ingest, retried after a failed pass, stopped with the host.</summary>
public sealed class IssueScanBackgroundServiceTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    private ScanWorld _world = null!;
    private ScanSignal _signal = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new ScanWorld();
        _signal = new ScanSignal();
    }

    [Test]
    public async Task Running_IngestSignalsNewEvents_ScansThemBeforeTheInterval()
    {
        using var service = Service(_world.Issues.Store, new CapturingLoggerProvider());
        await service.StartAsync(CancellationToken.None);

        await IngestAsync(Error("Crash", Guid.NewGuid()));

        // The fake clock never reaches the interval: only the ingest's signal can start the pass.
        await Poll.UntilAsync(async () => (await _world.AllIssuesAsync()).Count == 1, s_bound, "the ingested event's issue");
        await service.StopAsync(CancellationToken.None);
        Assert.That(service.ExecuteTask?.IsCompletedSuccessfully, Is.True, "stopping ends the loop without an error");
    }

    [Test]
    public async Task Running_APassFails_LogsTheErrorAndRetriesAfterTheInterval()
    {
        await IngestAsync(Error("Crash", Guid.NewGuid()));
        var logs = new CapturingLoggerProvider();
        using var service = Service(new InterceptingIssueStore(_world.Issues.Store) { FailNextWriteAfterWork = true }, logs);

        await service.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => logs.Logs.Any(l => l.Level == LogLevel.Error), s_bound, "the failed pass's error");
        Assert.That(await _world.AllIssuesAsync(), Is.Empty, "the failed pass wrote nothing");

        // Moved on for as long as it takes the retry's delay to be waiting on the clock.
        await Poll.UntilAsync(
            async () =>
            {
                _world.Clock.Advance(s_interval);
                return (await _world.AllIssuesAsync()).Count == 1;
            },
            s_bound,
            "the retried pass's issue");
        await service.StopAsync(CancellationToken.None);
        Assert.That(logs.Logs.Single(l => l.Level == LogLevel.Error).Message, Is.EqualTo("The issue scan failed; it will be retried"));
    }

    private IssueScanBackgroundService Service(IIssueStore store, CapturingLoggerProvider logs)
    {
        var options = Options.Create(new IssuesOptions { ScanInterval = s_interval });
        var jobs = new ScanJobs(new IssueScanner(store, new DefaultFingerprintStrategy(), _world.Clock, options), store, _world.Issues.Directory, _world.Clock);
        return new IssueScanBackgroundService(jobs, _signal, _world.Clock, options, logs.CreateLogger<IssueScanBackgroundService>());
    }

    private async Task IngestAsync(params IncomingEvent[] events)
    {
        var ingested = await new EventIngestor(_world.Issues.Store, _world.Clock, _signal, []).IngestAsync(_world.Source, events);
        Assert.That(ingested.Value.Accepted, Is.EqualTo(events.Length));
    }
}
