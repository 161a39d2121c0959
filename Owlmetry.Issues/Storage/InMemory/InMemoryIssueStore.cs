namespace Owlmetry.Issues.Storage.InMemory;

/// <summary>
/// A thread-safe, atomic in-memory <see cref="IIssueStore"/>: what tests and samples use, and the default of
/// <c>AddOwlmetryIssues()</c>. Units of work run one at a time; a unit that throws is undone. Stored values are
/// immutable records, so nothing a caller holds can change the store behind its back.
/// </summary>
/// <remarks>
/// The reference implementation of the seam: its units may await anything, as a database provider's may.
/// </remarks>
public sealed class InMemoryIssueStore : IIssueStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<bool> _inUnit = new();
    private readonly InMemoryIssueData _data = new();

    /// <inheritdoc />
    public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return InUnitAsync(() => read(new InMemoryIssueStoreReader(_data)), ct);
    }

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return InUnitAsync(
            async () =>
            {
                var transaction = new InMemoryIssueStoreTransaction(_data);
                try
                {
                    return await write(transaction).ConfigureAwait(false);
                }
                catch
                {
                    transaction.Rollback();
                    throw;
                }
            },
            ct);
    }

    private async Task<T> InUnitAsync<T>(Func<ValueTask<T>> unit, CancellationToken ct)
    {
        if (_inUnit.Value)
        {
            // The gate is not reentrant: waiting on it here would deadlock.
            throw new InvalidOperationException("A unit of work of this store cannot start another one: units do not nest.");
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        _inUnit.Value = true;
        try
        {
            return await unit().ConfigureAwait(false);
        }
        finally
        {
            _inUnit.Value = false;
            _gate.Release();
        }
    }
}
