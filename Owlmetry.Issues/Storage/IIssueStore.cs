namespace Owlmetry.Issues.Storage;

/// <summary>
/// Storage for issues, their fingerprints, occurrences, comments, attachment links and audit records.
/// Every call runs a unit of work: <see cref="ReadAsync{T}"/> sees one consistent state, and
/// <see cref="WriteAsync{T}"/> is atomic and serializable — all of its writes commit, or none do when it
/// throws, and no other unit interleaves with it. Domain rules (merges, scan batches) are written once against
/// <see cref="IIssueStoreWriter"/> and are atomic on every provider.
/// </summary>
/// <remarks>
/// A unit's delegate awaits only the reader's or writer's own calls, one at a time: an embedded engine such as
/// LiteDB completes every call before it returns and keeps the whole unit on the thread that opened its
/// transaction, while a database provider awaits its round trips without blocking a thread. The unit's
/// cancellation token is the provider's to honour in every call of the unit.
/// </remarks>
public interface IIssueStore
{
    /// <summary>Runs <paramref name="read"/> against one consistent state of the store.</summary>
    /// <returns>What <paramref name="read"/> returned.</returns>
    Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default);

    /// <summary>Runs <paramref name="write"/> as one atomic, serializable transaction.</summary>
    /// <returns>What <paramref name="write"/> returned, once its writes are durable.</returns>
    Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default);

    /// <summary>
    /// Takes the lease named <paramref name="name"/> (the library names one per kind of background work): while it is held, no other
    /// process sharing this store holds it, so background work such as a scan pass runs in one process at a time. A
    /// store that one process owns (in memory, a locked file) hands out a lease that excludes nothing: that process's
    /// own gates keep its passes apart. A store shared by several processes excludes the others, and frees a lease by
    /// itself when its holder dies.
    /// </summary>
    /// <returns>The lease, released when disposed; null when another process holds it.</returns>
    Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default) => Task.FromResult<IAsyncDisposable?>(UnsharedLease.Instance);

    /// <summary>
    /// Whether a read unit runs while a write unit is open (on a snapshot of a database, say) instead of waiting for
    /// it, as the units of an embedded engine's single writer do. Where it does, the scan reads and plans its next
    /// batch while the current batch's unit runs; where reads wait for the writer, that read would take the writer's
    /// next turn from an ingest call waiting for it. False unless the store says otherwise.
    /// </summary>
    bool ReadsBesideWrites => false;

    /// <summary>
    /// How many events a scan unit of work covers when <see cref="DependencyInjection.IssuesOptions.ScanBatchSize"/> is
    /// not set. A larger unit rewrites each touched issue less often per event, but holds the store's writer longer,
    /// and a write arriving meanwhile waits for it; a store sizes its units to its own speed. 5,000 unless the store
    /// says otherwise.
    /// </summary>
    int PreferredScanBatchSize => 5_000;
}
