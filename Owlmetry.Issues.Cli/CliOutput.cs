using System.Globalization;
using System.Text.Json;
using Owlmetry.Issues.Contracts;
using Wcwidth;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// Prints a result as JSON (<c>--json</c>, for scripts: a record with the API's fields, a list as a bare array of its
/// records, without the API's wrapping object and paging) or as text for people.
/// </summary>
internal sealed class CliOutput(TextWriter writer, bool json)
{
    /// <summary>The widest a table's cell is printed, in a terminal's columns.</summary>
    private const int MaxCellColumns = 72;

    /// <summary>Ends a cut cell.</summary>
    private const string Ellipsis = "…";

    /// <summary>The columns of an emoji sequence: one emoji, drawn wide.</summary>
    private const int EmojiColumns = 2;

    private const int ZeroWidthJoiner = 0x200D;
    private const int EmojiPresentationSelector = 0xFE0F;
    private const int FirstSkinTone = 0x1F3FB;
    private const int LastSkinTone = 0x1F3FF;
    private const int FirstRegionalIndicator = 0x1F1E6;
    private const int LastRegionalIndicator = 0x1F1FF;

    private static readonly JsonSerializerOptions s_json = new(IssuesJson.CreateOptions()) { WriteIndented = true };

    public TextWriter Writer => writer;

    /// <summary>The value as JSON, or <paramref name="text"/> when a person reads.</summary>
    public void Show<T>(T value, Action<TextWriter> text)
    {
        if (json)
        {
            writer.WriteLine(JsonSerializer.Serialize(value, s_json));
        }
        else
        {
            text(writer);
        }
    }

    /// <summary>The values as a JSON array, or a table with one row per value.</summary>
    public void Table<T>(IReadOnlyList<T> values, params (string Header, Func<T, string?> Cell)[] columns) =>
        Show(values, w => WriteTable(w, values, columns));

    private static void WriteTable<T>(TextWriter writer, IReadOnlyList<T> values, (string Header, Func<T, string?> Cell)[] columns)
    {
        if (values.Count == 0)
        {
            writer.WriteLine("(none)");
            return;
        }

        var cells = values.Select(v => columns.Select(c => Clip(TerminalText.Line(c.Cell(v) ?? "-"))).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cells.Max(row => Columns(row[i])))).ToArray();
        writer.WriteLine(Row(columns.Select(c => c.Header.ToUpperInvariant()).ToArray(), widths));
        foreach (var row in cells)
        {
            writer.WriteLine(Row(row, widths));
        }
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell + new string(' ', widths[i] - Columns(cell)))).TrimEnd();

    // One line per row, made safe first (TerminalText.Line), so that no cut falls inside an escape sequence: a cell
    // wider than MaxCellColumns is cut, the full text is in `show` and --json. The cut falls between grapheme clusters,
    // never inside a wide character, a surrogate pair or an emoji sequence, and a combining mark stays on its letter.
    private static string Clip(string line)
    {
        if (Columns(line) <= MaxCellColumns)
        {
            return line;
        }

        var room = MaxCellColumns - Columns(Ellipsis);
        var columns = 0;
        var kept = 0;
        foreach (var (length, clusterColumns) in Clusters(line))
        {
            columns += clusterColumns;
            if (columns > room)
            {
                break;
            }

            kept += length;
        }

        return string.Concat(line.AsSpan(0, kept), Ellipsis);
    }

    // The columns the text takes in a terminal, where its UTF-16 length counts a surrogate pair as two and a wide
    // character as one.
    private static int Columns(string text) => Clusters(text).Sum(cluster => cluster.Columns);

    // The text's grapheme clusters (what a reader takes for one character: a letter and its accents, an emoji sequence),
    // each with its UTF-16 length and the columns a terminal gives it.
    private static IEnumerable<(int Length, int Columns)> Clusters(string text)
    {
        for (var start = 0; start < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(start));
            yield return (length, ClusterColumns(text.AsSpan(start, length)));
            start += length;
        }
    }

    // A terminal draws an emoji sequence as one emoji, two columns, where the calculator, which knows single code
    // points only, would add up its parts: 4 for woman, joiner, laptop (👩‍💻), 1 for a heart asking for its emoji form
    // (❤️) and for a keycap (1️⃣). Any other cluster takes what its code points take: two for a wide character (CJK, most emoji),
    // none for a combining mark. The text is made safe first, so it holds no control character, the one kind the
    // calculator has no width for (-1).
    private static int ClusterColumns(ReadOnlySpan<char> cluster)
    {
        var columns = 0;
        var codePoints = 0;
        var emojiSequence = false;
        var afterJoiner = false;
        foreach (var rune in cluster.EnumerateRunes())
        {
            columns += UnicodeCalculator.GetWidth(rune);
            // What follows a joiner in the same cluster is a pictograph joined to the one before (UAX #29's GB11: .NET's
            // clusters keep nothing else after a joiner), so a joiner that joins makes an emoji sequence.
            emojiSequence |= afterJoiner || IsEmojiSequencePart(rune.Value);
            afterJoiner = rune.Value == ZeroWidthJoiner;
            codePoints++;
        }

        return emojiSequence && codePoints > 1 ? EmojiColumns : columns;
    }

    // The emoji presentation selector (VS16, which also follows a keycap's digit: 1️⃣), the skin tones, and the regional
    // indicators, two of which make a flag. Alone, one of them is no sequence and takes the calculator's width.
    private static bool IsEmojiSequencePart(int codePoint) =>
        codePoint is EmojiPresentationSelector
            or (>= FirstSkinTone and <= LastSkinTone)
            or (>= FirstRegionalIndicator and <= LastRegionalIndicator);
}
