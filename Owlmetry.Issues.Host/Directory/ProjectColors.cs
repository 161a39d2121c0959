using System.Text.RegularExpressions;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// Project colors, <c>#RRGGBB</c>: the reference's palette, from which a new project takes the first color its team
/// does not use yet, and the color shown for projects stored before projects had one.
/// </summary>
public static partial class ProjectColors
{
    public const string Fallback = "#64748b";

    public static IReadOnlyList<string> Palette { get; } =
    [
        "#ef4444", "#f97316", "#f59e0b", "#eab308", "#84cc16", "#22c55e", "#10b981", "#14b8a6", "#06b6d4", "#0ea5e9",
        "#3b82f6", "#6366f1", "#8b5cf6", "#a855f7", "#d946ef", "#ec4899", "#f43f5e", "#64748b", "#c2410c", "#15803d",
    ];

    public static bool IsValid(string? color) => color is not null && HexColor().IsMatch(color);

    /// <summary>The first palette color none of <paramref name="taken"/> has; once all are taken, the palette starts over.</summary>
    public static string FirstUnused(IReadOnlyCollection<string?> taken) =>
        Palette.FirstOrDefault(color => !taken.Contains(color, StringComparer.OrdinalIgnoreCase)) ?? Palette[taken.Count % Palette.Count];

    [GeneratedRegex(@"^#[0-9a-fA-F]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}
