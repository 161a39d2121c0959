using System.Diagnostics.Metrics;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>The server's own instruments, on the library's meter so that one <c>AddMeter</c> collects them all.</summary>
internal sealed class OwlmetryServerMetrics
{
    private const string OutcomeTag = "outcome";
    private const string UnitTag = "unit";

    private static readonly IReadOnlyList<double> s_unitBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _webhookDeliveries;
    private readonly Histogram<double> _storeUnitDuration;

    public OwlmetryServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(IssuesMetrics.MeterName);
        _webhookDeliveries = meter.CreateCounter<long>(
            "owlmetry.webhook.deliveries", "{delivery}", "Webhook deliveries settled, by outcome: delivered or failed (after the last attempt).");
        _storeUnitDuration = meter.CreateHistogram(
            "owlmetry.store.unit.duration", "s", "Time of one issue store unit of work, waiting for the store included, by unit: read or write.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_unitBuckets });
    }

    public void DeliverySettled(WebhookDeliveryStatus status) =>
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>(OutcomeTag, status == WebhookDeliveryStatus.Delivered ? "delivered" : "failed"));

    public void StoreUnitMeasured(string unit, TimeSpan duration) =>
        _storeUnitDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(UnitTag, unit));
}
