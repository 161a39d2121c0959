using System.Text.Json;
using Owlmetry.Issues.Contracts;
using Wcwidth;

namespace Owlmetry.Issues.Cli;

/// <summary>Prints a result as JSON (<c>--json</c>, for scripts: the API's own shapes) or as text for people.</summary>
internal sealed class CliOutput(TextWriter writer, bool json)
{
    /// <summary>The widest a table's cell is printed, in a terminal's columns.</summary>
    private const int MaxCellColumns = 72;

    /// <summary>Ends a cut cell.</summary>
    private const string Ellipsis = "…";

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
    // wider than MaxCellColumns is cut, the full text is in `show` and --json. The cut falls between characters (runes),
    // never inside a wide one or between the two halves of a surrogate pair, and a zero-width mark stays with the
    // character it belongs to.
    private static string Clip(string line)
    {
        if (Columns(line) <= MaxCellColumns)
        {
            return line;
        }

        var room = MaxCellColumns - Columns(Ellipsis);
        var columns = 0;
        var kept = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            columns += UnicodeCalculator.GetWidth(rune);
            if (columns > room)
            {
                break;
            }

            kept += rune.Utf16SequenceLength;
        }

        return string.Concat(line.AsSpan(0, kept), Ellipsis);
    }

    // The columns the text takes in a terminal: two for a wide character (CJK, most emoji), none for a combining mark
    // or a joiner, where its UTF-16 length counts a surrogate pair as two and a wide character as one. The text is made
    // safe first, so it holds no control character, the one kind the calculator has no width for (-1).
    private static int Columns(string text)
    {
        var columns = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            columns += UnicodeCalculator.GetWidth(rune);
        }

        return columns;
    }
}
