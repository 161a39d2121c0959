namespace Owlmetry.Issues.Storage.InMemory;

/// <summary>
/// A thread-safe, atomic in-memory <see cref="IIssueStore"/>: what tests and samples use, and the default of
/// <c>AddOwlmetryIssues()</c>. Units of work run one at a time; a unit that throws is undone. Stored values are
/// immutable records, so nothing a caller holds can change the store behind its back.
/// </summary>
public sealed class InMemoryIssueStore : IIssueStore
{
    private readonly Lock _gate = new();
    private readonly InMemoryIssueData _data = new();

    /// <inheritdoc />
    public Task<T> ReadAsync<T>(Func<IIssueStoreReader, T> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(read(new InMemoryIssueStoreReader(_data)));
        }
    }

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IIssueStoreWriter, T> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var transaction = new InMemoryIssueStoreTransaction(_data);
            try
            {
                return Task.FromResult(write(transaction));
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
        }
    }
}
