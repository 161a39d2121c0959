using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Tests.Fingerprinting;

public sealed class MessageNormalizerTests
{
    [TestCase("Timeout after 30 seconds", ExpectedResult = "timeout after <n> seconds")]
    [TestCase("Error 404: not found", ExpectedResult = "error <n>: not found")]
    [TestCase("Price 3.14 too high", ExpectedResult = "price <n> too high")]
    [TestCase("Version 1.2.3.4 failed", ExpectedResult = "version <n> failed")]
    [TestCase("-5 degrees", ExpectedResult = "-<n> degrees")]
    [TestCase("Took 1.5 s", ExpectedResult = "took <n> s")]
    [TestCase("Took 1.5s", ExpectedResult = "took <n>.5s")]
    [TestCase("user42 logged in", ExpectedResult = "user42 logged in")]
    [TestCase("ошибка123", ExpectedResult = "ошибка<n>")]
    [TestCase("Value ١٢٣", ExpectedResult = "value ١٢٣")]
    public string Normalize_Numbers_BecomeN(string message) => MessageNormalizer.Normalize(message);

    [TestCase("Order 550e8400-e29b-41d4-a716-446655440000 missing", ExpectedResult = "order <uuid> missing")]
    [TestCase("Order 550E8400-E29B-41D4-A716-446655440000 missing", ExpectedResult = "order <uuid> missing")]
    [TestCase("Order 550E8400-e29b-41D4-A716-446655440000 missing", ExpectedResult = "order <uuid> missing")]
    [TestCase("id=550e8400-e29b-41d4-a716-446655440000.", ExpectedResult = "id=<uuid>.")]
    [TestCase("user_550e8400-e29b-41d4-a716-446655440000", ExpectedResult = "user_<uuid>")]
    public string Normalize_Uuids_BecomeUuidInAnyCase(string message) => MessageNormalizer.Normalize(message);

    [TestCase("Key \"Abc Def\" not found", ExpectedResult = "key \"<s>\" not found")]
    [TestCase("Key 'Abc Def' not found", ExpectedResult = "key '<s>' not found")]
    [TestCase("Key \"\" empty", ExpectedResult = "key \"<s>\" empty")]
    [TestCase("File \"it's\" missing", ExpectedResult = "file \"<s>\" missing")]
    [TestCase("Quoted \"42\" value", ExpectedResult = "quoted \"<s>\" value")]
    [TestCase("Can't open 'x'", ExpectedResult = "can'<s>'x'")]
    [TestCase("Unclosed \"quote", ExpectedResult = "unclosed \"quote")]
    public string Normalize_QuotedText_BecomesS(string message) => MessageNormalizer.Normalize(message);

    [TestCase("  Multiple   spaces\tand\r\nnewlines  ", ExpectedResult = "multiple spaces and newlines")]
    [TestCase("ÉCHEC Ü", ExpectedResult = "échec ü")]
    [TestCase("", ExpectedResult = "")]
    [TestCase(" \t\n ", ExpectedResult = "")]
    public string Normalize_CaseAndWhitespace_AreFolded(string message) => MessageNormalizer.Normalize(message);

    [Test]
    public void Normalize_AllRulesTogether_AppliesThemInContractOrder()
    {
        const string message = "  Failed to load \"Profile\" for 0A1B2C3D-0000-4000-8000-00000000000F after 3 tries (v2.1)  ";

        var normalized = MessageNormalizer.Normalize(message);

        Assert.That(normalized, Is.EqualTo("failed to load \"<s>\" for <uuid> after <n> tries (v2.<n>)"));
    }

    [Test]
    public void Normalize_MaximumLengthMessage_CompletesWithinTimeout()
    {
        var message = string.Concat(Enumerable.Repeat("1.", 2_500)) + new string('7', 4_999) + "x";

        var normalized = MessageNormalizer.Normalize(message);

        Assert.That(normalized, Does.StartWith("<n>."));
    }

    [Test]
    public void Normalize_Null_Throws()
    {
        Assert.That(() => MessageNormalizer.Normalize(null!), Throws.ArgumentNullException);
    }
}
