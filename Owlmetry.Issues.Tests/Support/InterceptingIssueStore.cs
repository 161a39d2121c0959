using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// Wraps a store to step into the middle of someone else's work: <see cref="BeforeNextWrite"/> runs (once) just
/// before the next unit of work is handed to the inner store, and <see cref="FailNextWriteAfterWork"/> makes the
/// next unit throw after its work ran, as a crash before commit would; <see cref="LeaseHeldElsewhere"/> refuses every
/// lease, as when another process sharing the store holds it; <see cref="ReadsBesideWrites"/> says what a database's
/// store says, so the scan reads ahead on the inner store.
/// </summary>
internal sealed class InterceptingIssueStore(IIssueStore inner) : IIssueStore
{
    public Func<Task>? BeforeNextWrite { get; set; }

    public bool FailNextWriteAfterWork { get; set; }

    public bool LeaseHeldElsewhere { get; set; }

    public bool ReadsBesideWrites { get; init; }

    public int PreferredScanBatchSize => inner.PreferredScanBatchSize;

    public Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) =>
        LeaseHeldElsewhere ? Task.FromResult<IAsyncDisposable?>(null) : inner.TryAcquireLeaseAsync(name, ct);

    public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default) => inner.ReadAsync(read, ct);

    public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
    {
        if (BeforeNextWrite is { } before)
        {
            BeforeNextWrite = null;
            await before();
        }

        if (!FailNextWriteAfterWork)
        {
            return await inner.WriteAsync(write, ct);
        }

        FailNextWriteAfterWork = false;
        return await inner.WriteAsync<T>(async writer =>
        {
            await write(writer);
            throw new IOException("simulated crash before commit");
        }, ct);
    }
}
