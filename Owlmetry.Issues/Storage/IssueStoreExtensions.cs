namespace Owlmetry.Issues.Storage;

/// <summary>Units of work that return nothing.</summary>
internal static class IssueStoreExtensions
{
    /// <summary>Runs <paramref name="write"/> as one atomic, serializable transaction.</summary>
    /// <returns>A task that completes once the unit's writes are durable.</returns>
    public static Task WriteAsync(this IIssueStore store, Func<IIssueStoreWriter, ValueTask> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(write);
        return store.WriteAsync(
            async writer =>
            {
                await write(writer).ConfigureAwait(false);
                return true;
            },
            ct);
    }
}
