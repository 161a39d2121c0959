namespace Owlmetry.Issues.Host.Hosting;

/// <summary>Where the server keeps its database, secrets and files (CONTRACT §10).</summary>
public sealed class DataDirectory(string path)
{
    public const string DefaultPath = "./owlmetry-data";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

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

    /// <summary>Creates the directory owner-only (mode 0700 on Unix) unless it exists; an existing one is left as it is.</summary>
    /// <exception cref="InvalidOperationException">The directory cannot be created; the message names it and why.</exception>
    public void EnsureExists()
    {
        try
        {
            CreateOwnerOnly(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The data directory {Path} cannot be created: {e.Message}", e);
        }
    }

    /// <summary>The directory's mode when its group or others have any access; null when only its owner has, or it does not exist.</summary>
    public UnixFileMode? OpenToOthers()
    {
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(Path))
        {
            return null;
        }

        var mode = System.IO.File.GetUnixFileMode(Path);
        return (mode & ~OwnerOnly) != 0 ? mode : null;
    }

    /// <summary>A Unix mode as <c>chmod</c> writes it, e.g. <c>0755</c>.</summary>
    public static string Describe(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    /// <summary>Creates <paramref name="path"/> owner-only (mode 0700 on Unix); missing parents get the default mode.</summary>
    public static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, OwnerOnly);
        }
    }
}
