using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// The profiles, by name, in <c>profiles.json</c> of the config folder. The file holds credentials, so it is written
/// readable and writable by its owner only (0600), in a folder only its owner can enter (0700). A folder that already
/// lets others in is refused rather than changed: it may be one the user shares on purpose. It is written through a
/// temporary file of its own; one that a crash left behind, with a copy of the credentials, goes at the next save.
/// </summary>
internal sealed class ProfileStore(string directory)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode AnyAccessByOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const string TemporarySuffix = ".tmp";

    /// <summary>
    /// How old a temporary file must be to count as a crash's leftover: a write takes milliseconds, so a younger one
    /// may be another <c>owlmetry</c> saving at this moment, whose file must not go before it is moved.
    /// </summary>
    private static readonly TimeSpan s_leftoverAge = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions s_json = new(IssuesJson.CreateOptions()) { WriteIndented = true };

    public string FilePath { get; } = Path.Combine(directory, "profiles.json");

    public Profile? Find(string name) => ReadAll().GetValueOrDefault(name);

    /// <exception cref="UsageException">The folder lets others in, or cannot be written.</exception>
    public void Save(string name, Profile profile)
    {
        var all = ReadAll();
        all[name] = profile;
        try
        {
            Write(all);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot save the profile in {directory}: permission denied. Set OWLMETRY_CONFIG_DIR to a folder you can write.");
        }
    }

    private void Write(Dictionary<string, Profile> all)
    {
        CreateFolderOnlyTheOwnerEnters();
        DeleteLeftoverTemporaryFiles();

        // Written to a new file of its own beside profiles.json and moved over it, so that a crash never leaves half a
        // file. Its name is new each time: a leftover temporary file (and its mode) is never reused.
        var temporary = $"{FilePath}.{Guid.NewGuid():N}{TemporarySuffix}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, all, s_json);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The creation mode passes through the umask, which may only remove bits; this pins it exactly.
                File.SetUnixFileMode(temporary, OwnerOnlyFile);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            // Gone once moved; a failed write leaves nothing behind.
            File.Delete(temporary);
        }
    }

    // Only this store's own temporary files (profiles.json.<32 hex digits>.tmp): anything else in the folder is the user's.
    private void DeleteLeftoverTemporaryFiles()
    {
        var prefix = Path.GetFileName(FilePath) + ".";
        var leftBefore = DateTime.UtcNow - s_leftoverAge;
        // Simple matching, where * is any characters and nothing else: the name is at least the prefix and the suffix.
        var simple = new EnumerationOptions { MatchType = MatchType.Simple };
        foreach (var path in Directory.EnumerateFiles(directory, $"{prefix}*{TemporarySuffix}", simple))
        {
            var name = Path.GetFileName(path);
            if (Guid.TryParseExact(name[prefix.Length..^TemporarySuffix.Length], "N", out _) && File.GetLastWriteTimeUtc(path) < leftBefore)
            {
                File.Delete(path);
            }
        }
    }

    private void CreateFolderOnlyTheOwnerEnters()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnlyFolder);
        var mode = File.GetUnixFileMode(directory);
        if ((mode & AnyAccessByOthers) != 0)
        {
            throw new UsageException(
                $"The config folder {directory} lets others in (mode {Describe(mode)}), and profiles.json holds credentials: "
                + $"run `chmod 700 {directory}`, or set OWLMETRY_CONFIG_DIR to a folder only you can enter.");
        }
    }

    /// <summary>A Unix mode as <c>chmod</c> writes it, e.g. <c>0755</c>.</summary>
    private static string Describe(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    private Dictionary<string, Profile> ReadAll()
    {
        if (!File.Exists(FilePath))
        {
            return new(StringComparer.Ordinal);
        }

        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize<Dictionary<string, Profile>>(stream, s_json) ?? new(StringComparer.Ordinal);
    }
}
