using Owlmetry.Issues.Cli;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// The text tables line up in a terminal's columns, where a CJK character, an emoji or an emoji sequence takes two and a
/// combining mark none, and cut a long cell only between characters (grapheme clusters).
/// </summary>
public sealed class CliOutputTests
{
    private const string Owl = "\U0001F989";

    // Woman, zero-width joiner, laptop: one emoji, two columns, where its code points add up to four.
    private const string Technologist = "\U0001F469\u200D\U0001F4BB";

    // Emoji sequences a terminal draws as one emoji, two columns wide, whose code points' widths add up to something else.
    private static readonly object[] s_emojiSequences =
    [
        new object[] { Technologist, "technologist: woman, zero-width joiner, laptop (4 columns summed)" },
        new object[] { "\U0001F469\U0001F3FD\u200D\U0001F4BB", "woman technologist, medium skin tone (4 summed)" },
        new object[] { "\U0001F3F3\uFE0F\u200D\U0001F308", "rainbow flag: white flag, VS16, joiner, rainbow (3 summed)" },
        new object[] { "\U0001F469\u200D\u2764\uFE0F\u200D\U0001F468", "couple with heart: woman, joiner, heart, VS16, joiner, man (5 summed)" },
        new object[] { "\u2764\uFE0F", "red heart: heavy black heart, VS16 (1 summed)" },
        new object[] { "1\uFE0F\u20E3", "keycap one: digit, VS16, keycap (1 summed)" },
    ];

    private static readonly object[] s_cut =
    [
        // 1 + 2 × 40 columns: a cut after 71 columns falls inside the 36th character, which therefore goes.
        new object[] { "a" + Repeat("名", 40), "a" + Repeat("名", 35) + "…", "a CJK character" },
        new object[] { "a" + Repeat(Owl, 40), "a" + Repeat(Owl, 35) + "…", "an emoji (a surrogate pair)" },
        // 71 columns, then an accent that takes none: it stays on its letter.
        new object[] { new string('e', 71) + "\u0301 and more", new string('e', 71) + "\u0301…", "a combining accent" },
        // 69 + 2 columns: the technologist fits whole, where a cut between its code points would leave the woman and a
        // dangling joiner.
        new object[] { new string('a', 69) + Technologist + " and more", new string('a', 69) + Technologist + "…", "an emoji sequence" },
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

    [TestCaseSource(nameof(s_emojiSequences))]
    public void Table_AnEmojiSequence_TakesTwoColumns_TheNextColumnStartsAtTheSameTerminalColumnOnEveryRow(string emoji, string what)
    {
        var lines = TableOf((emoji, "a"), ("ab", "b"));

        Assert.That(lines, Is.EqualTo(new[]
        {
            "TITLE  NEXT",
            emoji + Spaces(3) + "  a",
            "ab" + Spaces(3) + "  b",
        }), $"the padding after {what}");
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
