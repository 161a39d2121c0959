using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>
/// <c>Owlmetry.Issues.Host restore --from BACKUP [--data DIR]</c>: checks the backup against its manifest, then
/// copies it into an empty data directory (refusing a non-empty one, as <c>init</c> does), owner-only.
/// </summary>
public static class RestoreCommand
{
    public const int Succeeded = 0;
    public const int Refused = 1;
    public const int UsageError = 2;
    internal const string Usage = "Usage: Owlmetry.Issues.Host restore --from BACKUP [--data DIR]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (CommandOptions.Parse(args, "from", "data") is not { } options || !options.TryGetValue("from", out var from))
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        var dataDirectory = new DataDirectory(options.GetValueOrDefault("data", DataDirectory.DefaultPath));
        var (manifest, problems) = BackupManifest.Verify(from);
        if (manifest is null || problems.Count > 0)
        {
            await error.WriteLineAsync($"{from} cannot be restored:\n  {string.Join("\n  ", problems)}");
            return Refused;
        }

        if (!BackupFolder.IsAbsentOrEmpty(dataDirectory.Path))
        {
            await error.WriteLineAsync($"The data directory {dataDirectory.Path} is not empty; restore changed nothing.");
            return Refused;
        }

        if (BackupFolder.TryCreateOwnerOnly(dataDirectory.Path) is { } why)
        {
            await error.WriteLineAsync($"The data directory {dataDirectory.Path} cannot be created: {why}; restore changed nothing.");
            return Refused;
        }

        try
        {
            BackupFolder.CopyFiles(manifest, from, dataDirectory.Path, withManifest: false);
        }
        catch (Exception e) when (BackupFolder.IsFileSystemError(e))
        {
            BackupFolder.Empty(dataDirectory.Path);
            await error.WriteLineAsync($"The restore failed, and {dataDirectory.Path} is left empty: {e.Message}");
            return Refused;
        }
        catch
        {
            BackupFolder.Empty(dataDirectory.Path);
            throw;
        }

        await output.WriteLineAsync(
            $"Restored the backup of {manifest.CreatedAt:u} ({manifest.Files.Count} files) into {dataDirectory.Path}; start the server on it.");
        return Succeeded;
    }
}
