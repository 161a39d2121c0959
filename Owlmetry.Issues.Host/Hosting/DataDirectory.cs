namespace Owlmetry.Issues.Host;

/// <summary>Where the server keeps its database, secrets and files (CONTRACT §10).</summary>
public sealed class DataDirectory(string path)
{
    public const string DefaultPath = "./owlmetry-data";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    // --data beats OWLMETRY_DATA_DIR beats Storage:DataDirectory.
    public static DataDirectory FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = new[] { configuration["data"], configuration["OWLMETRY_DATA_DIR"], configuration["Storage:DataDirectory"] }
            .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
        return new DataDirectory(configured ?? DefaultPath);
    }

    public string GetFilePath(string fileName) => System.IO.Path.Combine(Path, fileName);

    public void EnsureExists()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
