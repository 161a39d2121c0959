using System.Runtime.InteropServices;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>
/// Takes a file into a backup as it is now: a hard link where the file system allows one (instant, and the file
/// keeps its bytes when the original is deleted or replaced later), else a copy. Either way owner-only.
/// </summary>
internal static class FileCapture
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <returns>False when <paramref name="source"/> no longer exists.</returns>
    public static bool LinkOrCopy(string source, string destination)
    {
        DataDirectory.CreateOwnerOnly(Path.GetDirectoryName(destination)!);
        if (!OperatingSystem.IsWindows() && Link(source, destination) == 0)
        {
            return true;
        }

        try
        {
            File.Copy(source, destination);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, OwnerFile);
        }

        return true;
    }

    // No managed API creates a hard link; a failure (another file system, no support) falls back to the copy.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
