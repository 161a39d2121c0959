namespace Owlmetry.Issues.Storage.LiteDb;

public sealed partial class LiteDbIssueStore
{
    /// <summary>
    /// Writes a consistent copy of the database to a new file at <paramref name="destinationPath"/> (owner-only on
    /// Unix) while the store stays open: between two units of work, every unit committed before it is in the copy and
    /// none after it. <paramref name="atSnapshot"/> runs at that same point, before the next unit may start, for a
    /// host to capture files that the database refers to; keep it short, as units wait for it.
    /// </summary>
    /// <returns>When the copy is complete and synced to disk.</returns>
    /// <exception cref="IOException"><paramref name="destinationPath"/> exists already, or the copy failed.</exception>
    public async Task SnapshotAsync(string destinationPath, Action? atSnapshot = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            _file.CopyTo(System.IO.Path.GetFullPath(destinationPath));
            atSnapshot?.Invoke();
        }
        finally
        {
            _gate.Release();
        }
    }
}
