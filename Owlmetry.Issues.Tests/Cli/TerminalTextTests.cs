using Owlmetry.Issues.Cli;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>What <see cref="TerminalText"/> lets through to a terminal, character by character.</summary>
public sealed class TerminalTextTests
{
    private static readonly object[] s_replaced =
    [
        new object[] { "\u0000", "NUL (C0)" }, new object[] { "\u001b", "ESC (C0)" }, new object[] { "\u0007", "BEL (C0)" },
        new object[] { "\u007f", "DEL" }, new object[] { "\u009b", "CSI (C1)" }, new object[] { "\u009d", "OSC (C1)" },
        new object[] { "\u202e", "right-to-left override" }, new object[] { "\u2066", "left-to-right isolate" },
        new object[] { "\u2069", "pop directional isolate" }, new object[] { "\u200b", "zero-width space" },
        new object[] { "\u200f", "right-to-left mark" }, new object[] { "\u200e", "left-to-right mark" },
        new object[] { "\u061c", "Arabic letter mark" }, new object[] { "\u202a", "left-to-right embedding" },
        new object[] { "\u00ad", "soft hyphen" }, new object[] { "\ufeff", "zero-width no-break space" },
        new object[] { "\U000E0041", "tag letter A (Cf beyond the BMP)" }, new object[] { "\ud800", "lone surrogate" },
    ];

    [TestCaseSource(nameof(s_replaced))]
    public void Line_AndLines_ReplaceTheCharacter(string character, string name)
    {
        Assert.That(TerminalText.Line($"a{character}b"), Is.EqualTo("a\uFFFDb"), $"{name} in a line");
        Assert.That(TerminalText.Lines($"a{character}b"), Is.EqualTo("a\uFFFDb"), $"{name} in lines");
    }

    // Format characters (the joiners) and marks (the variation selector) that only change how their neighbours are drawn.
    private static readonly object[] s_kept =
    [
        new object[] { "\U0001F469\u200D\U0001F4BB", "technologist: woman, zero-width joiner, laptop" },
        new object[] { "\U0001F3F3\uFE0F\u200D\U0001F308", "rainbow flag: white flag, emoji variation selector, zero-width joiner, rainbow" },
        new object[] { "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "Persian 'I want', a zero-width non-joiner after its prefix" },
        new object[] { "\u2764\uFE0E", "heavy black heart, text variation selector" },
    ];

    [TestCaseSource(nameof(s_kept))]
    public void Line_AndLines_KeepJoinersAndVariationSelectors(string text, string name)
    {
        Assert.That(TerminalText.Line(text), Is.EqualTo(text), $"{name} in a line");
        Assert.That(TerminalText.Lines(text), Is.EqualTo(text), $"{name} in lines");
    }

    [Test]
    public void Line_AnEmojiWithAJoinerBesideARightToLeftOverride_KeepsTheEmoji_ReplacesTheOverride()
    {
        Assert.That(TerminalText.Line("\U0001F469\u200D\U0001F4BB \u202Eexe.txt"), Is.EqualTo("\U0001F469\u200D\U0001F4BB \uFFFDexe.txt"));
    }

    [Test]
    public void Line_LineBreaksAndTabsBecomeSpaces()
    {
        Assert.That(TerminalText.Line("one\ntwo\r\nthree\rfour\u2028five\tsix"), Is.EqualTo("one two three four five six"));
    }

    [Test]
    public void Lines_KeepLineBreaksAsLineFeeds_TabsBecomeSpaces()
    {
        Assert.That(TerminalText.Lines("one\r\ntwo\rthree\n\tfour"), Is.EqualTo("one\ntwo\nthree\n four"));
    }

    [Test]
    public void Line_PrintableText_IsUnchanged()
    {
        const string text = "Crash in Ünïcode 名前 \U0001F989 (owl) – 100% ok";

        Assert.That(TerminalText.Line(text), Is.EqualTo(text));
    }
}
