using System.Buffers;
using System.Globalization;
using System.Text;

namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// Text that outside parties control, made unable to forge the structure of a tool's answer in a model's context. An
/// issue's title is an event's message, sent with a client key that apps ship; an occurrence's user id, versions and
/// SDK come with it; names and comments are typed by people. Copied raw, a line break in any of them starts a
/// line of its own that reads as the answer's (another issue, a <c>next cursor</c>, a comment, an instruction), and a
/// <c>|</c> or a quote adds a field. So a value in a structured line is a JSON string, and a comment's body keeps its
/// lines but indents every one after the first. In both, the characters that break or hide a line become visible
/// escapes (<c>\n</c>, <c>\u2028</c>): line breaks (CR, LF, U+0085, U+2028, U+2029), the other C0 and C1 controls
/// and DEL, and the invisible format characters (the bidi overrides, embeddings, isolates and marks, the zero-width
/// space, the tag characters). The zero-width joiner and non-joiner pass, as in the command line's terminal text:
/// emoji sequences and the words of scripts such as Persian need them, and they move or hide nothing.
/// </summary>
internal static class OutsideText
{
    // Every line of an answer's own structure starts at its first column.
    private const string ContinuationIndent = "  ";

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>A value as a JSON string: in double quotes, with <c>"</c> and <c>\</c> escaped besides.</summary>
    public static string Quoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        AppendEscaped(quoted, value, quoting: true);
        return quoted.Append('"').ToString();
    }

    /// <summary>A message on one line, unquoted (a refusal, which may name a holder or echo an argument).</summary>
    public static string Line(string text) => AppendEscaped(new StringBuilder(text.Length), text, quoting: false).ToString();

    /// <summary>
    /// A text of several lines (a comment's body, Markdown) kept readable: its line breaks, whichever they are, start a
    /// line that begins with <see cref="ContinuationIndent"/>, so that none starts where the answer's own lines do.
    /// </summary>
    public static string Indented(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var indented = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                indented.Append('\n').Append(ContinuationIndent);
            }

            AppendEscaped(indented, lines[i], quoting: false, keepTabs: true);
        }

        return indented.ToString();
    }

    private static StringBuilder AppendEscaped(StringBuilder text, string value, bool quoting, bool keepTabs = false)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            // By code point, so that a format character beyond the BMP (the tag characters) is found; a lone surrogate
            // does not decode and is escaped as it is.
            var decoded = Rune.DecodeFromUtf16(rest, out var rune, out var length) == OperationStatus.Done;
            var units = rest[..length];
            rest = rest[length..];
            _ = rune.Value switch
            {
                _ when !decoded => AppendUnicodeEscapes(text, units),
                '"' or '\\' when quoting => text.Append('\\').Append(units),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' when !keepTabs => text.Append("\\t"),
                '\t' => text.Append(units),
                ZeroWidthNonJoiner or ZeroWidthJoiner => text.Append(units),
                _ when Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => AppendUnicodeEscapes(text, units),
                _ => text.Append(units),
            };
        }

        return text;
    }

    /// <summary>Each UTF-16 unit as <c>\uXXXX</c>, as JSON writes a character it escapes.</summary>
    private static StringBuilder AppendUnicodeEscapes(StringBuilder text, ReadOnlySpan<char> units)
    {
        foreach (var unit in units)
        {
            text.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:x4}");
        }

        return text;
    }
}
