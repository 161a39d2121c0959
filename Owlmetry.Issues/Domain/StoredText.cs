using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Domain;

/// <summary>
/// Text every store can keep. PostgreSQL's <c>text</c> cannot hold the NUL character (U+0000), so no store is given
/// one: each provider then keeps the same text, and a NUL is a 400 at the door instead of a storage failure (500).
/// Ingest keeps the event and shows where the NUL was (<see cref="WithoutNul"/>); what people type is refused
/// (<see cref="NulRefused"/>).
/// </summary>
internal static class StoredText
{
    /// <summary>What ingest writes in place of each NUL: the Unicode replacement character.</summary>
    public const char NulReplacement = '\uFFFD';

    /// <summary>Whether <paramref name="text"/> holds a NUL character.</summary>
    public static bool ContainsNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary><paramref name="text"/> with each NUL character replaced by <see cref="NulReplacement"/>.</summary>
    public static string? WithoutNul(string? text) => ContainsNul(text) ? text!.Replace('\0', NulReplacement) : text;

    /// <summary>The invalid-input error for a NUL character in <paramref name="field"/>.</summary>
    public static IssueError NulRefused(string field) => IssueError.Invalid($"{field} must not contain the NUL character (U+0000)");
}
