using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Tests.Ingest;

/// <summary>A batch the store could not keep: the caller gets the failure, the operator a warning and a count.</summary>
public sealed class EventIngestorStoreFailureTests
{
    [Test]
    public async Task IngestAsync_StoreFails_WarnsWithTheReasonAndTraceIdAndCountsTheEventsAsStoreFailed()
    {
        var world = new ScanWorld();
        var logs = new CapturingLoggerProvider();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var store = new InterceptingIssueStore(new InMemoryIssueStore()) { FailNextWriteAfterWork = true };
        var metrics = new IssuesMetrics(meters, new ScanLag(store, world.Clock), world.Clock);
        var refused = new List<(long Events, object? Reason)>();
        using var listener = RefusalListener(meters, refused);
        var ingestor = new EventIngestor(store, world.Clock, new ScanSignal(), [], metrics, logs.CreateLogger<EventIngestor>());
        using var request = new Activity("POST /v1/ingest").Start();

        Assert.ThrowsAsync<IOException>(() => ingestor.IngestAsync(world.Source, [Error("a", Guid.NewGuid()), Error("b", Guid.NewGuid())]));

        var warning = logs.Logs.Single(l => l.Level == LogLevel.Warning);
        Assert.That(warning.Message, Does.Contain("2 valid events").And.Contain("simulated crash before commit"));
        Assert.That(warning.State["TraceId"], Is.EqualTo(request.TraceId.ToString()));
        Assert.That(refused, Is.EqualTo(new[] { (2L, (object?)"store_failed") }));
    }

    private static MeterListener RefusalListener(IMeterFactory meters, List<(long Events, object? Reason)> refused)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this test's factory: meters of other tests running at the same time have other scopes.
                if (instrument.Meter.Scope == meters && instrument.Name == "owlmetry.ingest.events.refused")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => refused.Add((value, tags.ToArray().Single(t => t.Key == "reason").Value)));
        listener.Start();
        return listener;
    }
}
