namespace Owlmetry.Issues.Storage;

/// <summary>A lease of a store no other process uses: there is nobody to exclude.</summary>
internal sealed class UnsharedLease : IAsyncDisposable
{
    public static UnsharedLease Instance { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
