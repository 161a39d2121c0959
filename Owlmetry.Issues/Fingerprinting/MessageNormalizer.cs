using System.Text.RegularExpressions;

namespace Owlmetry.Issues.Fingerprinting;

/// <summary>
/// Normalizes an error message so that messages differing only in ids, numbers or quoted values group together.
/// </summary>
internal static partial class MessageNormalizer
{
    /// <summary>Time allowed per pattern match; the patterns are linear, so only pathological input gets near it.</summary>
    internal const int MatchTimeoutMilliseconds = 1000;

    /// <summary>Normalizes <paramref name="message"/>.</summary>
    /// <remarks>
    /// In this order: UUIDs (any letter case) become <c>&lt;UUID&gt;</c>; numbers, including dotted runs
    /// such as <c>1.2.3</c>, become <c>&lt;N&gt;</c>; double-quoted text becomes <c>"&lt;S&gt;"</c> and then
    /// single-quoted text becomes <c>'&lt;S&gt;'</c>; the result is lower-cased with invariant culture (so the
    /// placeholders end up as <c>&lt;uuid&gt;</c>, <c>&lt;n&gt;</c> and <c>&lt;s&gt;</c>); whitespace runs
    /// become one space; the ends are trimmed. Digits and word boundaries are ASCII ones, as in JavaScript.
    /// </remarks>
    /// <returns>The normalized message; empty for an empty or whitespace-only message.</returns>
    public static string Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var text = UuidPattern().Replace(message, "<UUID>");
        text = NumberPattern().Replace(text, "<N>");
        text = DoubleQuotedPattern().Replace(text, "\"<S>\"");
        text = SingleQuotedPattern().Replace(text, "'<S>'");
        text = text.ToLowerInvariant();
        return WhitespacePattern().Replace(text, " ").Trim();
    }

    [GeneratedRegex(
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        MatchTimeoutMilliseconds)]
    internal static partial Regex UuidPattern();

    // ECMAScript makes \d and \b ASCII-only: the contract's pattern is JavaScript's, and .NET's Unicode \b
    // would leave "ошибка123" alone where the reference normalizes it.
    [GeneratedRegex(@"\b\d+(\.\d+)*\b", RegexOptions.ECMAScript, MatchTimeoutMilliseconds)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("\"[^\"]*\"", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex DoubleQuotedPattern();

    [GeneratedRegex("'[^']*'", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex SingleQuotedPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex WhitespacePattern();
}
