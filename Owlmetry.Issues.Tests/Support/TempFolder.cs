namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// A folder of its own for one test, removed with everything in it on dispose. Created at once, or, with
/// <c>create: false</c>, left for the code under test to create (a server's data directory).
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(bool create = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "owlmetry-tests", Guid.NewGuid().ToString("N"));
        if (create)
        {
            Directory.CreateDirectory(Path);
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The Unix file mode of a file or folder; null where there are no Unix file modes.</summary>
    public static UnixFileMode? UnixModeOf(string path) => OperatingSystem.IsWindows() ? null : System.IO.File.GetUnixFileMode(path);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
