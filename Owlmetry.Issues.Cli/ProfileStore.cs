using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// The profiles, by name, in <c>profiles.json</c> of the config folder. The file holds credentials, so it is written
/// readable and writable by its owner only (0600), in a folder only its owner can enter (0700).
/// </summary>
internal sealed class ProfileStore(string directory)
{
    private static readonly JsonSerializerOptions s_json = new(IssuesJson.CreateOptions()) { WriteIndented = true };

    public string FilePath { get; } = Path.Combine(directory, "profiles.json");

    public Profile? Find(string name) => ReadAll().GetValueOrDefault(name);

    public void Save(string name, Profile profile)
    {
        var all = ReadAll();
        all[name] = profile;
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the file and moved over it, so that a crash never leaves half a file; the new file is owner-only
        // from its creation, never readable by others for a moment.
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, all, s_json);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

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
