using System.Text.Json;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Owlmetry.Issues.Tests.Mcp;

/// <summary>
/// The schema check before the Issues tools bind their arguments, on schemas no Issues tool has yet: an argument of a
/// type the check does not know is left to the SDK's binder rather than refused. The tools' own cases run through the
/// server in <see cref="McpToolsTests"/>.
/// </summary>
public sealed class ToolArgumentCheckTests
{
    private const string Schema = """
        {"type":"object","properties":{
          "ratio":{"type":"number"},
          "tags":{"type":["array","null"]},
          "verbose":{"type":"boolean"}},
         "required":["ratio"]}
        """;

    [TestCase("""{"ratio":0.5}""", null, TestName = "{m}_NumberForANumber")]
    [TestCase("""{"ratio":"half"}""", null, TestName = "{m}_StringForANumber_LeftToTheBinder")]
    [TestCase("""{"ratio":1,"tags":["a"]}""", null, TestName = "{m}_ArrayForAnArray")]
    [TestCase("""{"ratio":1,"verbose":true}""", null, TestName = "{m}_Boolean")]
    [TestCase("""{"ratio":1,"verbose":"yes"}""", "verbose must be true or false", TestName = "{m}_StringForABoolean")]
    [TestCase("""{}""", "ratio is required", TestName = "{m}_RequiredOfAnUncheckedType")]
    public void Refusal_SchemaWithTypesNoIssueToolHas(string arguments, string? expected)
    {
        using var schema = JsonDocument.Parse(Schema);
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments)!;

        Assert.That(ToolArgumentCheck.Refusal(schema.RootElement, values), Is.EqualTo(expected));
    }
}
