using System.Text;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>Files only their owner may read (mode 0600 on Unix), for secrets.</summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="contents"/> to a new temporary file beside <paramref name="path"/>, owner-only from its
    /// creation, so no other user can open it in between; the caller moves it into place or deletes it.
    /// </summary>
    public static string WriteTemporary(string path, string contents)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(contents));
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            // The creation mode passes through the umask, which may only remove bits; this pins it exactly.
            File.SetUnixFileMode(temporary, OwnerOnly);
        }

        return temporary;
    }

    /// <summary>Creates a new owner-only file at <paramref name="path"/> holding everything read from <paramref name="content"/>, synced to disk.</summary>
    /// <exception cref="IOException">The file exists already.</exception>
    public static void CopyNew(Stream content, string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var stream = new FileStream(path, options);
        content.CopyTo(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Creates the file with <paramref name="contents"/> unless it exists.</summary>
    /// <returns><see langword="false"/> when the file was there already (e.g. created by a concurrent start).</returns>
    public static bool TryCreate(string path, string contents)
    {
        var temporary = WriteTemporary(path, contents);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
