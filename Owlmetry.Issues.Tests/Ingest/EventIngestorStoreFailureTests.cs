using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
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
        var store = new InterceptingIssueStore(new InMemoryIssueStore()) { FailNextWriteAfterWork = true };
        using var metrics = new RecordedMetrics(store, world.Clock);
        var ingestor = new EventIngestor(store, world.Clock, new ScanSignal(), [], metrics.Metrics, logs.CreateLogger<EventIngestor>());
        using var request = new Activity("POST /v1/ingest").Start();

        Assert.ThrowsAsync<IOException>(() => ingestor.IngestAsync(world.Source, [Error("a", Guid.NewGuid()), Error("b", Guid.NewGuid())]));

        var warning = logs.Logs.Single(l => l.Level == LogLevel.Warning);
        Assert.That(warning.Message, Does.Contain("2 valid events").And.Contain("simulated crash before commit"));
        Assert.That(warning.State["TraceId"], Is.EqualTo(request.TraceId.ToString()));
        var refused = metrics.Of("owlmetry.ingest.events.refused").Select(m => (m.Value, m.Tag("reason")));
        Assert.That(refused, Is.EqualTo(new[] { (2d, (object?)"store_failed") }));
    }
}
