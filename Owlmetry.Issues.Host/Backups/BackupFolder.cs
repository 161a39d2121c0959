using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>The folders a backup passes through: its staging folder in the data directory, and the empty folder it ends up in.</summary>
internal static class BackupFolder
{
    private const string StagingPrefix = ".backup-";

    /// <summary>
    /// A new folder inside the data directory for one backup: on the same file system as the attachments, so they
    /// can be captured as hard links. Whoever creates it deletes it.
    /// </summary>
    public static string NewStaging(DataDirectory dataDirectory) =>
        dataDirectory.GetFilePath(StagingPrefix + Guid.NewGuid().ToString("N"));

    /// <summary>Whether <paramref name="path"/> can receive a backup or a restore: it does not exist, or is an empty folder.</summary>
    public static bool IsAbsentOrEmpty(string path) =>
        !File.Exists(path) && (!System.IO.Directory.Exists(path) || !System.IO.Directory.EnumerateFileSystemEntries(path).Any());

    /// <summary>Creates <paramref name="path"/> owner-only, with its parents.</summary>
    /// <returns>Null once it exists; else why it cannot be created, for the command to print.</returns>
    public static string? TryCreateOwnerOnly(string path)
    {
        try
        {
            DataDirectory.CreateOwnerOnly(path);
            OwnerOnly.Apply(path);
            return null;
        }
        catch (Exception e) when (IsFileSystemError(e))
        {
            return e.Message;
        }
    }

    /// <summary>Whether <paramref name="e"/> is the file system's refusal (a permission, a full disk, a file in the way), which a command reports in a line.</summary>
    public static bool IsFileSystemError(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>Copies the files listed in <paramref name="manifest"/>, owner-only, into <paramref name="destination"/>; the manifest too when asked.</summary>
    public static void CopyFiles(BackupManifest manifest, string source, string destination, bool withManifest)
    {
        DataDirectory.CreateOwnerOnly(destination);
        var paths = manifest.Files.Select(f => f.Path);
        foreach (var path in withManifest ? paths.Append(BackupManifest.FileName) : paths)
        {
            var target = Path.Combine(destination, path);
            DataDirectory.CreateOwnerOnly(Path.GetDirectoryName(target)!);
            using var input = File.OpenRead(Path.Combine(source, path));
            PrivateFile.CopyNew(input, target);
        }

        OwnerOnly.Apply(destination);
    }

    /// <summary>Removes <paramref name="path"/> and everything in it, when it exists.</summary>
    public static void Delete(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Empties <paramref name="path"/> without removing it: a failed restore or backup leaves the folder as it found it.</summary>
    public static void Empty(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return;
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(path))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(path))
        {
            File.Delete(file);
        }
    }
}
