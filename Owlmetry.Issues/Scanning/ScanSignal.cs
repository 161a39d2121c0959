using System.Diagnostics;
using System.Threading.Channels;

namespace Owlmetry.Issues;

/// <summary>
/// Wakes the background scan as soon as ingest stored error events, so an event is an occurrence well within the
/// scan interval; the interval remains the upper bound when no signal comes.
/// </summary>
public sealed class ScanSignal
{
    private long _lastIngestTimestamp;

    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a scan soon; cheap, and repeated calls before the scan coalesce.</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>How long ago ingest last committed events (on the monotonic clock); infinite before the first commit.</summary>
    internal TimeSpan SinceLastIngest =>
        Volatile.Read(ref _lastIngestTimestamp) is var last and not 0 ? Stopwatch.GetElapsedTime(last) : TimeSpan.MaxValue;

    /// <summary>
    /// Records that ingest just committed a unit. The scan uses it to give way to ingest: a scheduling hint on the
    /// monotonic clock, not part of any result.
    /// </summary>
    internal void IngestCommitted() => IngestCommittedAt(Stopwatch.GetTimestamp());

    /// <summary>Records an ingest commit at a <see cref="Stopwatch"/> timestamp; a future one keeps ingest busy until then (tests).</summary>
    internal void IngestCommittedAt(long timestamp) => Volatile.Write(ref _lastIngestTimestamp, timestamp);

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
