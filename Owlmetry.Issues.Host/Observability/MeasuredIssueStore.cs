using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>Times every unit of work of the store beneath (a decorator, so no provider needs to know about metrics).</summary>
internal sealed class MeasuredIssueStore(IIssueStore inner, OwlmetryServerMetrics metrics, TimeProvider timeProvider) : IIssueStore
{
    private IIssueStore Inner => inner;

    /// <summary>The provider's own store, beneath this decorator when it is there.</summary>
    public static IIssueStore Beneath(IIssueStore store) => store is MeasuredIssueStore measured ? measured.Inner : store;

    public async Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await inner.ReadAsync(read, ct).ConfigureAwait(false);
        }
        finally
        {
            metrics.StoreUnitMeasured("read", timeProvider.GetElapsedTime(started));
        }
    }

    public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) => inner.TryAcquireLeaseAsync(name, ct);

    public bool ReadsBesideWrites => inner.ReadsBesideWrites;

    public int PreferredScanBatchSize => inner.PreferredScanBatchSize;

    public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await inner.WriteAsync(write, ct).ConfigureAwait(false);
        }
        finally
        {
            metrics.StoreUnitMeasured("write", timeProvider.GetElapsedTime(started));
        }
    }
}
