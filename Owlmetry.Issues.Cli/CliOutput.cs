using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli;

/// <summary>Prints a result as JSON (<c>--json</c>, for scripts: the API's own shapes) or as text for people.</summary>
internal sealed class CliOutput(TextWriter writer, bool json)
{
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
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cells.Max(row => row[i].Length))).ToArray();
        writer.WriteLine(Row(columns.Select(c => c.Header.ToUpperInvariant()).ToArray(), widths));
        foreach (var row in cells)
        {
            writer.WriteLine(Row(row, widths));
        }
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();

    // One line per row, made safe first (TerminalText.Line), so that no cut falls inside an escape sequence: a long title
    // is cut, the full text is in `show` and --json. Never between the two halves of a surrogate pair, which would print
    // as neither character.
    private static string Clip(string line)
    {
        if (line.Length <= 72)
        {
            return line;
        }

        var kept = char.IsHighSurrogate(line[70]) ? 70 : 71;
        return string.Concat(line.AsSpan(0, kept), "…");
    }
}
