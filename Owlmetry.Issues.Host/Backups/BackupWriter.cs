using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>
/// Writes a backup of a data directory into a new owner-only folder, while the server runs: the database as of one
/// instant between two units of work, the attachment files as they were at that same instant, the token secret, and
/// the manifest.
/// </summary>
/// <remarks>
/// An attachment's bytes are in place before the unit that records its upload commits, and they are removed only
/// after a later unit soft-deletes it; so the files present at the database's instant include every file that
/// database refers to. Files of uploads it does not record yet come along too: their reservation is in the copy,
/// and the restored server's cleanup removes them with it once its upload window has closed.
/// </remarks>
internal static class BackupWriter
{
    private const string PartialSuffix = ".partial";

    public static async Task<BackupManifest> WriteAsync(
        LiteDbIssueStore store, DataDirectory dataDirectory, string folder, DateTimeOffset now, CancellationToken ct)
    {
        DataDirectory.CreateOwnerOnly(folder);
        if (System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"The backup folder {folder} is not empty.");
        }

        var attachments = dataDirectory.GetFilePath(AttachmentHosting.FolderName);
        await store.SnapshotAsync(
            Path.Combine(folder, OwlmetryServer.DatabaseFileName),
            () => CaptureAttachments(attachments, Path.Combine(folder, AttachmentHosting.FolderName)),
            ct).ConfigureAwait(false);
        var secret = dataDirectory.GetFilePath(JwtSecretFile.FileName);
        if (File.Exists(secret))
        {
            FileCapture.LinkOrCopy(secret, Path.Combine(folder, JwtSecretFile.FileName));
        }

        OwnerOnly.Apply(folder);
        return BackupManifest.Write(folder, now);
    }

    private static void CaptureAttachments(string source, string destination)
    {
        if (!System.IO.Directory.Exists(source))
        {
            return;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(PartialSuffix, StringComparison.Ordinal))
            {
                // A file gone since it was listed belonged to a purge or a refused upload: nothing in the copy refers to it.
                FileCapture.LinkOrCopy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
            }
        }
    }
}
