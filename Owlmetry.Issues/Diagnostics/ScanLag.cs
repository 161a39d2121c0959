using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Diagnostics;

/// <summary>
/// How far the issue scan is behind: the age of the oldest stored error event it has not scanned yet, zero when none
/// waits. Read with one small unit of work (the first event above the scan's high-water mark).
/// </summary>
internal sealed class ScanLag(IIssueStore store, TimeProvider timeProvider)
{
    /// <summary>Measures the lag now.</summary>
    /// <returns>The age of the oldest unscanned event, or <see cref="TimeSpan.Zero"/>.</returns>
    public async Task<TimeSpan> MeasureAsync(CancellationToken ct = default)
    {
        var oldest = await store.ReadAsync(
            async r => await r.ListEventsAfterAsync(await r.GetScanCheckpointAsync(), 1).ConfigureAwait(false) is [var first] ? first.ReceivedAt : (DateTimeOffset?)null,
            ct).ConfigureAwait(false);
        return oldest is { } receivedAt && timeProvider.GetUtcNow() - receivedAt is var age && age > TimeSpan.Zero ? age : TimeSpan.Zero;
    }
}
