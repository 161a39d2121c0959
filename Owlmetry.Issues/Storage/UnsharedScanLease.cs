namespace Owlmetry.Issues.Storage;

/// <summary>The scan lease of a store no other process uses: there is nobody to exclude.</summary>
internal sealed class UnsharedScanLease : IAsyncDisposable
{
    public static UnsharedScanLease Instance { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
