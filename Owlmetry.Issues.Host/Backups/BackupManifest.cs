using System.Security.Cryptography;
using System.Text.Json;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>
/// <c>backup-manifest.json</c>, written last into a backup: what it holds, so that a restore refuses a backup that
/// is incomplete, damaged or mixed with other files before it writes anything.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, IReadOnlyList<BackupFileEntry> Files)
{
    public const string FileName = "backup-manifest.json";
    public const int CurrentFormat = 1;
    private static readonly JsonSerializerOptions s_json = new(IssuesJson.CreateOptions()) { WriteIndented = true };

    /// <summary>Lists every file under <paramref name="folder"/> and writes the manifest beside them.</summary>
    public static BackupManifest Write(string folder, DateTimeOffset createdAt)
    {
        var manifest = new BackupManifest(CurrentFormat, createdAt, [.. FilesIn(folder).Select(path => Describe(folder, path))]);
        PrivateFile.TryCreate(System.IO.Path.Combine(folder, FileName), JsonSerializer.Serialize(manifest, s_json));
        return manifest;
    }

    /// <summary>Reads the manifest of the backup in <paramref name="folder"/> and checks every file against it.</summary>
    /// <returns>The manifest, or what is wrong with the backup.</returns>
    public static (BackupManifest? Manifest, IReadOnlyList<string> Problems) Verify(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (null, [$"{folder} is not a backup: it has no {FileName}"]);
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), s_json);
        if (manifest is not { Format: CurrentFormat, Files: not null })
        {
            return (null, [$"{path} is not a backup manifest of format {CurrentFormat}"]);
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var expected in manifest.Files)
        {
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, expected.Path));
            if (!file.StartsWith(System.IO.Path.GetFullPath(folder) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add($"{expected.Path} lies outside the backup");
            }
            else if (!File.Exists(file))
            {
                problems.Add($"{expected.Path} is missing");
            }
            else if (Describe(folder, file) != expected)
            {
                problems.Add($"{expected.Path} differs from the manifest (size or SHA-256)");
            }
        }

        problems.AddRange(FilesIn(folder).Select(f => RelativePath(folder, f)).Where(f => !listed.Contains(f)).Select(f => $"{f} is not in the manifest"));
        return (manifest, problems);
    }

    private static IEnumerable<string> FilesIn(string folder) =>
        System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => RelativePath(folder, f) != FileName)
            .Order(StringComparer.Ordinal);

    private static BackupFileEntry Describe(string folder, string file)
    {
        using var stream = File.OpenRead(file);
        return new BackupFileEntry(RelativePath(folder, file), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    private static string RelativePath(string folder, string file) =>
        System.IO.Path.GetRelativePath(folder, file).Replace(System.IO.Path.DirectorySeparatorChar, '/');
}
