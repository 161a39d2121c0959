using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>A limit in the query read as the reference reads it, JavaScript's <c>parseInt(text, 10)</c>.</summary>
[TestFixture]
public sealed class QueryValuesTests
{
    [TestCase("25", 25)]
    [TestCase("1.5", 1)]
    [TestCase("10rows", 10)]
    [TestCase("  7", 7)]
    [TestCase("+3", 3)]
    [TestCase("-5", -5)]
    [TestCase("0", 0)]
    [TestCase("007", 7)]
    [TestCase("1e3", 1)]
    [TestCase("99999999999999999999", int.MaxValue)]
    [TestCase("-99999999999999999999", int.MinValue)]
    public void ParseLimit_TextStartingWithANumber_IsThatNumber(string text, int expected) =>
        Assert.That(QueryValues.ParseLimit(text), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("many")]
    [TestCase("-")]
    [TestCase("+-1")]
    [TestCase(".5")]
    [TestCase("٣")]
    public void ParseLimit_TextStartingWithNoNumber_IsNull(string? text) =>
        Assert.That(QueryValues.ParseLimit(text), Is.Null);
}
