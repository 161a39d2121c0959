using Owlmetry.Issues.Storage;

namespace Owlmetry.Samples.AspNetCore.Tests;

// The issue store of a database that is down: every unit of work fails.
internal sealed class UnavailableIssueStore : IIssueStore
{
    public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default) =>
        throw new InvalidOperationException("The issue store is down");

    public Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default) =>
        throw new InvalidOperationException("The issue store is down");
}
