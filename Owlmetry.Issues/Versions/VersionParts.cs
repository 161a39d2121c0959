namespace Owlmetry.Issues.Versions;

/// <summary>The comparable parts of a version string, sliced without allocating.</summary>
internal readonly ref struct VersionParts
{
    private VersionParts(ReadOnlySpan<char> core, ReadOnlySpan<char> preRelease, bool hasPreRelease)
    {
        Core = core;
        PreRelease = preRelease;
        HasPreRelease = hasPreRelease;
    }

    /// <summary>The dot-separated version before any pre-release.</summary>
    public ReadOnlySpan<char> Core { get; }

    /// <summary>The text after the first <c>-</c>; empty when there is none.</summary>
    public ReadOnlySpan<char> PreRelease { get; }

    /// <summary>Whether the version had a <c>-</c>.</summary>
    public bool HasPreRelease { get; }

    public static VersionParts Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length > 0 && text[0] is 'v' or 'V')
        {
            text = text[1..];
        }

        text = DropTrailingBuild(text);

        var plus = text.IndexOf('+');
        if (plus >= 0)
        {
            text = text[..plus];
        }

        var dash = text.IndexOf('-');
        return dash < 0
            ? new VersionParts(text, [], hasPreRelease: false)
            : new VersionParts(text[..dash], text[(dash + 1)..], hasPreRelease: true);
    }

    private static ReadOnlySpan<char> DropTrailingBuild(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text[^1] != ')')
        {
            return text;
        }

        var open = text.LastIndexOf('(');
        return open < 0 ? text : text[..open].TrimEnd();
    }
}
