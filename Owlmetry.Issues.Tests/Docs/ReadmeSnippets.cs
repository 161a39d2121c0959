using System.Text.RegularExpressions;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Docs;

/// <summary>
/// The README's C# blocks and the sample regions they show. A block is marked by the line before it,
/// <c>&lt;!-- snippet: samples/X/File.cs#Region --&gt;</c>, and holds exactly the lines between <c>#region Region</c> and
/// its <c>#endregion</c> in that file, less their common indentation (nested region lines left out).
/// </summary>
internal static partial class ReadmeSnippets
{
    public const string UpdateVariable = "OWLMETRY_UPDATE_SNIPPETS";
    private const string Fence = "```";
    private const string CSharpFence = "```csharp";

    /// <summary>The READMEs whose C# blocks are samples' code: the repository's and each package's.</summary>
    public static IReadOnlyList<string> Readmes { get; } =
        ["README.md", "Owlmetry.Issues/README.md", "Owlmetry.Issues.Storage.LiteDb/README.md", "Owlmetry.Issues.AspNetCore/README.md", "Owlmetry.Issues.Client/README.md"];

    public static string PathOf(string readme) => System.IO.Path.Combine(Repository.Root, readme);

    /// <summary>Every C# block of <paramref name="readme"/>, with its marker when it has one.</summary>
    public static IReadOnlyList<Block> Blocks(string readme, string markdown)
    {
        var lines = markdown.Split('\n');
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != CSharpFence)
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == Fence);
            if (end < 0)
            {
                throw new FormatException($"{readme} line {i + 1}: a ```csharp block that is never closed");
            }

            var marker = i > 0 ? MarkerPattern().Match(lines[i - 1].Trim()) : Match.Empty;
            blocks.Add(new Block(
                readme,
                i + 1,
                marker.Success ? marker.Groups["path"].Value : null,
                marker.Success ? marker.Groups["region"].Value : null,
                string.Join('\n', lines[(i + 1)..end]),
                end - i - 1));
            i = end;
        }

        return blocks;
    }

    /// <summary>The text of region <paramref name="region"/> of <paramref name="path"/> (relative to the repository).</summary>
    public static string Region(string path, string region)
    {
        var lines = File.ReadAllLines(PathOf(path));
        var start = Array.FindIndex(lines, l => l.Trim() == $"#region {region}");
        if (start < 0)
        {
            throw new InvalidOperationException($"{path} has no #region {region}");
        }

        var body = new List<string>();
        var depth = 1;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#region", StringComparison.Ordinal))
            {
                depth++;
                continue;
            }

            if (trimmed.StartsWith("#endregion", StringComparison.Ordinal) && --depth == 0)
            {
                var indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                return string.Join('\n', body.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..].TrimEnd()));
            }

            if (depth > 0)
            {
                body.Add(lines[i]);
            }
        }

        throw new InvalidOperationException($"{path}: #region {region} has no #endregion");
    }

    /// <summary><paramref name="markdown"/> (of <paramref name="readme"/>) with each marked block replaced by its region's current text.</summary>
    public static string Render(string readme, string markdown)
    {
        var lines = markdown.Split('\n').ToList();
        foreach (var block in Blocks(readme, markdown).Where(b => b.Path is not null).Reverse())
        {
            lines.RemoveRange(block.Line, block.LineCount);
            lines.InsertRange(block.Line, Region(block.Path!, block.Region!).Split('\n'));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^<!-- snippet: (?<path>[^#\s]+)#(?<region>\S+) -->$")]
    private static partial Regex MarkerPattern();

    /// <summary>A C# block: its README and the line of its opening fence, the sample region it shows (if marked), its text and lines.</summary>
    public sealed record Block(string Readme, int Line, string? Path, string? Region, string Text, int LineCount)
    {
        public override string ToString() => Path is null ? $"{Readme} line {Line}" : $"{Readme}: {Path}#{Region}";
    }
}
