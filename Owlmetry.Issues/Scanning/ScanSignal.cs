using System.Diagnostics;
using System.Threading.Channels;

namespace Owlmetry.Issues;

/// <summary>
/// Wakes the background scan as soon as ingest stored error events, so an event is an occurrence well within the
/// scan interval; the interval remains the upper bound when no signal comes. It also tells the scan whether ingest
/// is streaming, so that the scan gives way to it (see <see cref="IssueScanner"/>).
/// </summary>
public sealed class ScanSignal
{
    private long _lastIngestTimestamp;
    private long _previousIngestTimestamp;
    private int _ingestInFlight;

    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a scan soon; cheap, and repeated calls before the scan coalesce.</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>How long ago ingest last committed events (on the monotonic clock); infinite before the first commit.</summary>
    internal TimeSpan SinceLastIngest =>
        Volatile.Read(ref _lastIngestTimestamp) is var last and not 0 ? Stopwatch.GetElapsedTime(last) : TimeSpan.MaxValue;

    /// <summary>Ingest calls that are storing events right now (waiting for, or inside, a unit of work).</summary>
    internal int IngestInFlight => Volatile.Read(ref _ingestInFlight);

    /// <summary>An ingest call starts storing events; pair with <see cref="IngestFinished"/>.</summary>
    internal void IngestStarted() => Interlocked.Increment(ref _ingestInFlight);

    /// <summary>An ingest call is done storing events, stored or not.</summary>
    internal void IngestFinished() => Interlocked.Decrement(ref _ingestInFlight);

    /// <summary>The time between the last two ingest commits: short while ingest is a stream, long for a lone call.</summary>
    internal TimeSpan LastIngestGap
    {
        get
        {
            lock (_channel)
            {
                return _previousIngestTimestamp == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_previousIngestTimestamp, _lastIngestTimestamp);
            }
        }
    }

    /// <summary>
    /// Records that ingest just committed a unit. The scan uses it to give way to a stream of ingest: a scheduling
    /// hint on the monotonic clock, not part of any result.
    /// </summary>
    internal void IngestCommitted() => IngestCommittedAt(Stopwatch.GetTimestamp());

    /// <summary>Records an ingest commit at a <see cref="Stopwatch"/> timestamp; future ones keep ingest busy until then (tests).</summary>
    internal void IngestCommittedAt(long timestamp)
    {
        lock (_channel)
        {
            _previousIngestTimestamp = _lastIngestTimestamp;
            Volatile.Write(ref _lastIngestTimestamp, timestamp);
        }
    }

    /// <summary>Waits for a notification, or at most <paramref name="timeout"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken ct)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, timeProvider, timeoutSource.Token);
        var signal = _channel.Reader.WaitToReadAsync(timeoutSource.Token).AsTask();
        await Task.WhenAny(delay, signal).ConfigureAwait(false);
        await timeoutSource.CancelAsync().ConfigureAwait(false);
        _channel.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}
