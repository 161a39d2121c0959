using System.Diagnostics;
using Owlmetry.Issues.Background;

namespace Owlmetry.Issues.Scanning;

/// <summary>
/// Wakes the background scan as soon as ingest stored error events, so an event is an occurrence well within the
/// scan interval; the interval remains the upper bound when no signal comes. It also tells the scan when ingest is
/// busy, so that the scan gives way to a stream of ingest (a scheduling hint on the monotonic clock, never part of
/// any result).
/// </summary>
internal sealed class ScanSignal : WakeSignal
{
    private readonly Lock _gate = new();
    private long _lastIngestTimestamp;
    private long _previousIngestTimestamp;
    private int _ingestInFlight;

    /// <summary>How long ago ingest last committed events (on the monotonic clock); infinite before the first commit.</summary>
    internal TimeSpan SinceLastIngest =>
        Volatile.Read(ref _lastIngestTimestamp) is var last and not 0 ? Stopwatch.GetElapsedTime(last) : TimeSpan.MaxValue;

    /// <summary>Ingest calls that are storing events right now (waiting for, or inside, a unit of work).</summary>
    internal int IngestInFlight => Volatile.Read(ref _ingestInFlight);

    /// <summary>The time between the last two ingest commits: short while ingest is a stream, long for a lone call.</summary>
    internal TimeSpan LastIngestGap
    {
        get
        {
            lock (_gate)
            {
                return _previousIngestTimestamp == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_previousIngestTimestamp, _lastIngestTimestamp);
            }
        }
    }

    /// <summary>An ingest call starts storing events; pair with <see cref="IngestFinished"/>.</summary>
    internal void IngestStarted() => Interlocked.Increment(ref _ingestInFlight);

    /// <summary>An ingest call is done storing events, stored or not.</summary>
    internal void IngestFinished() => Interlocked.Decrement(ref _ingestInFlight);

    /// <summary>Records that ingest just committed a unit.</summary>
    internal void IngestCommitted() => IngestCommittedAt(Stopwatch.GetTimestamp());

    /// <summary>Records an ingest commit at a <see cref="Stopwatch"/> timestamp; future ones keep ingest busy until then (tests).</summary>
    internal void IngestCommittedAt(long timestamp)
    {
        lock (_gate)
        {
            _previousIngestTimestamp = _lastIngestTimestamp;
            Volatile.Write(ref _lastIngestTimestamp, timestamp);
        }
    }
}
