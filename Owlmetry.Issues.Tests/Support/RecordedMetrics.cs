using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// The library's metrics on a meter factory of one test's own, with every measurement of its instruments recorded in
/// order. Tests running at the same time have factories of their own, so none sees another's measurements.
/// </summary>
internal sealed class RecordedMetrics : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<RecordedMeasurement> _measured = new();

    public RecordedMetrics(IIssueStore store, TimeProvider clock)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        Metrics = new IssuesMetrics(meters, new ScanLag(store, clock), clock);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measured.Enqueue(new(instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measured.Enqueue(new(instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public IssuesMetrics Metrics { get; }

    /// <summary>The measurements of the named instruments, in the order they were recorded.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(params string[] instruments) => _measured.Where(m => instruments.Contains(m.Instrument)).ToList();

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}

/// <summary>One measurement of an instrument, with its tags.</summary>
internal sealed record RecordedMeasurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
{
    public object? Tag(string key) => Tags.Single(t => t.Key == key).Value;
}
