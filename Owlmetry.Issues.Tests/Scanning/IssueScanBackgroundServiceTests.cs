using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

/// <summary>The scan as the host runs it: woken by ingest, retried after a failed pass, stopped with the host, switched off by its option.</summary>
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

    [Test]
    public async Task InAHost_BackgroundScanOn_FilesIngestedEventsOnItsOwn()
    {
        using var host = await StartHostAsync(_ => { });

        await IngestAsync(host, Error("Crash", Guid.NewGuid()));

        await Poll.UntilAsync(async () => (await _world.AllIssuesAsync()).Count == 1, s_bound, "the background scan to file the ingested event");
    }

    [Test]
    public async Task InAHost_BackgroundScanSwitchedOff_LeavesEventsToAScanByHand()
    {
        using var host = await StartHostAsync(o => o.BackgroundScan = false);
        var background = host.Services.GetServices<IHostedService>().OfType<IssueScanBackgroundService>().Single();
        // Once the service has ended, nothing but a scan by hand can file an event: what follows cannot race it.
        await Poll.UntilAsync(() => background.ExecuteTask?.IsCompleted == true, s_bound, "the switched-off background scan to end at start");

        await IngestAsync(host, Error("Crash", Guid.NewGuid()));
        _world.Clock.Advance(s_interval);
        var filedOnItsOwn = await _world.AllIssuesAsync();
        var byHand = await host.Services.GetRequiredService<IssueScanner>().ScanAsync();

        Assert.That(background.ExecuteTask!.IsCompletedSuccessfully, Is.True, "the service ended without an error");
        Assert.That(filedOnItsOwn, Is.Empty, "no scan ran on its own, woken by ingest or by the interval");
        Assert.That(byHand.IssuesCreated, Is.EqualTo(1), "a scan run by hand still files the event");
    }

    // An application's registration, then its integration test's ConfigureTestServices, on the world's store and clock.
    private async Task<IHost> StartHostAsync(Action<IssuesOptions> testOptions)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(_world.Clock).AddSingleton<IIssueStore>(_world.Issues.Store).AddSingleton(_world.Issues.Directory);
        builder.Services.AddOwlmetryIssues(o => o.ScanInterval = s_interval).AddBackgroundScan();
        builder.Services.Configure(testOptions);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private async Task IngestAsync(IHost host, params IncomingEvent[] events)
    {
        // The host's own ingestor: its signal is the one that wakes the host's background scan.
        var ingested = await host.Services.GetRequiredService<EventIngestor>().IngestAsync(_world.Source, events);
        Assert.That(ingested.Value.Accepted, Is.EqualTo(events.Length));
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
