namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Attachment bytes as files in one folder, owner-only on Unix: <c>folder/ab/abcdef….</c> where the name is the
/// attachment id's 32 hex digits (the first two name a subfolder, so no folder grows past a few thousand files).
/// No caller-supplied text reaches a path. A write goes to <c>id.partial</c>, is synced to disk, and is renamed
/// into place only once complete, so a reader never sees half a file and a crash leaves only a partial file that
/// <see cref="DeleteAsync"/> of that id removes.
/// </summary>
/// <remarks>One process per folder: two writers of the same id would share its partial file.</remarks>
internal sealed class FileSystemAttachmentBlobStore : IAttachmentBlobStore
{
    private const int CopyBufferSize = 81_920;
    private const string PartialSuffix = ".partial";
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Keeps attachments under <paramref name="folder"/>, created (owner-only) on the first write.</summary>
    public FileSystemAttachmentBlobStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The full path of the folder.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public async Task WriteAsync(Guid attachmentId, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(attachmentId);
        CreateFolder(Folder);
        CreateFolder(Path.GetDirectoryName(path)!);
        var partial = path + PartialSuffix;
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerFile;
            }

            var file = new FileStream(partial, options);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, CopyBufferSize, ct).ConfigureAwait(false);

                // The store records the upload as done right after this returns: the bytes must be on disk first.
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            DeleteFile(partial);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(Guid attachmentId, CancellationToken ct = default)
    {
        try
        {
            Stream stream = new FileStream(
                PathOf(attachmentId), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(Guid attachmentId, CancellationToken ct = default)
    {
        var path = PathOf(attachmentId);
        DeleteFile(path);
        DeleteFile(path + PartialSuffix);
        return Task.CompletedTask;
    }

    /// <summary>The file of an attachment: built from the id's hex digits only, and checked to stay inside the folder.</summary>
    internal string PathOf(Guid attachmentId)
    {
        var name = attachmentId.ToString("N");
        var path = Path.GetFullPath(Path.Combine(Folder, name[..2], name));
        return path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"The attachment path {path} is outside {Folder}.");
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerFolder);
        }
    }

    private static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in this subfolder.
        }
    }
}
