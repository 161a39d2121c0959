using System.Threading.Channels;

namespace Owlmetry.Issues.Background;

/// <summary>
/// Wakes a background loop early: producers call <see cref="Notify"/> after committing work for it, and the loop
/// waits for that or its interval, whichever comes first. Each loop has its own subclass, so that it is its own
/// service.
/// </summary>
internal abstract class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a pass soon; cheap, and repeated calls before the pass coalesce.</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

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
