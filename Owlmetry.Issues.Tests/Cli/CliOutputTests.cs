using Owlmetry.Issues.Cli;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// The text tables line up in a terminal's columns, where a CJK character or an emoji takes two and a combining mark
/// none, and cut a long cell only between characters.
/// </summary>
public sealed class CliOutputTests
{
    private const string Owl = "\U0001F989";

    private static readonly object[] s_cut =
    [
        // 1 + 2 × 40 columns: a cut after 71 columns falls inside the 36th character, which therefore goes.
        new object[] { "a" + Repeat("名", 40), "a" + Repeat("名", 35) + "…", "a CJK character" },
        new object[] { "a" + Repeat(Owl, 40), "a" + Repeat(Owl, 35) + "…", "an emoji (a surrogate pair)" },
        // 71 columns, then an accent that takes none: it stays on its letter.
        new object[] { new string('e', 71) + "\u0301 and more", new string('e', 71) + "\u0301…", "a combining accent" },
    ];

    [Test]
    public void Table_WideCharactersAndEmoji_TheNextColumnStartsAtTheSameTerminalColumnOnEveryRow()
    {
        var lines = TableOf(("名前テスト", "a"), (Owl + " owl", "b"), ("plain", "c"));

        // The first column is as wide as its widest cell, 名前テスト: five characters of two columns each.
        Assert.That(lines, Is.EqualTo(new[]
        {
            "TITLE" + Spaces(5) + "  NEXT",
            "名前テスト" + Spaces(0) + "  a",
            Owl + " owl" + Spaces(4) + "  b",
            "plain" + Spaces(5) + "  c",
        }));
    }

    [TestCaseSource(nameof(s_cut))]
    public void Table_ACellWiderThan72Columns_IsCutBetweenCharacters(string title, string cut, string what)
    {
        var lines = TableOf((title, "x"));

        Assert.That(lines[1], Is.EqualTo(cut + "  x"), $"the cut at {what}");
    }

    private static string[] TableOf(params (string Title, string Next)[] rows)
    {
        using var writer = new StringWriter();
        new CliOutput(writer, json: false).Table(rows, ("title", r => r.Title), ("next", r => r.Next));
        return writer.ToString().Split(writer.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string Spaces(int count) => new(' ', count);
}
