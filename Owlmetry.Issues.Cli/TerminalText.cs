using System.Globalization;
using System.Text;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// Text from the server made safe to print to a terminal, for the text output (<c>--json</c> escapes it already).
/// Anyone with a client key, which apps ship, can send an event whose message holds escape sequences, and it becomes
/// an issue's title: printed raw, they would run in the terminal of whoever lists the issues (clear the screen, set
/// the window's title, hide text, add links). So every control character (C0, DEL and C1, the ESC of a sequence and the
/// BEL that ends one among them) and every invisible format character (Unicode category Cf: the bidi overrides,
/// embeddings, isolates and marks such as U+202E, which reorder what is shown; the zero-width space, the soft hyphen,
/// the tag characters) becomes U+FFFD, visible where it was. A tab becomes a space.
/// The zero-width joiner and non-joiner (U+200D, U+200C) pass: they move and hide nothing, they only join a character
/// to the next or keep the two apart, and emoji sequences (woman, ZWJ, laptop: U+1F469 U+200D U+1F4BB, one
/// technologist) and the words of scripts such as Persian need them. Variation selectors (U+FE0F, which asks for an
/// emoji's colour form) are marks, not format characters, and pass as well.
/// </summary>
internal static class TerminalText
{
    public const char Replacement = '\uFFFD';

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>The text on one line: its line breaks become spaces (a name, a title, a table cell, an error).</summary>
    public static string Line(string text) => Safe(text.ReplaceLineEndings(" "), keepLineFeeds: false);

    /// <summary>The text with its line breaks kept, as <c>\n</c> (a comment's body).</summary>
    public static string Lines(string text) => Safe(text.ReplaceLineEndings("\n"), keepLineFeeds: true);

    private static string Safe(string text, bool keepLineFeeds)
    {
        var safe = new StringBuilder(text.Length);
        // By code point, so that a format character beyond the BMP (the tag characters) is found, and a lone surrogate,
        // which the runes read as U+FFFD, is not printed either.
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n' && keepLineFeeds)
            {
                safe.Append('\n');
            }
            else if (rune.Value == '\t')
            {
                safe.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format && !IsJoiner(rune))
            {
                safe.Append(Replacement);
            }
            else
            {
                safe.Append(rune.ToString());
            }
        }

        return safe.ToString();
    }

    private static bool IsJoiner(Rune rune) => rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner;
}
