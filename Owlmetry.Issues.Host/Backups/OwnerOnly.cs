namespace Owlmetry.Issues.Host.Backups;

/// <summary>Makes a folder tree owner-only on Unix (folders 0700, files 0600), whatever modes an archive carried in.</summary>
internal static class OwnerOnly
{
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder = File | UnixFileMode.UserExecute;

    public static void Apply(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        System.IO.File.SetUnixFileMode(folder, Folder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            entry.UnixFileMode = entry is DirectoryInfo ? Folder : File;
        }
    }
}
