using System.Text.Json.Nodes;

namespace Owlmetry.Issues.Tests.Support;

internal static class HttpJson
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The body is JSON null.");

    public static async Task<string?> ErrorAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync())["error"]?.GetValue<string>();

    /// <summary>The body as compact JSON without its per-request trace id, to compare two refusals whole.</summary>
    public static async Task<string> BodyWithoutTraceIdAsync(this HttpResponseMessage response)
    {
        var body = (await response.JsonAsync()).AsObject();
        body.Remove("trace_id");
        return body.ToJsonString();
    }

    public static string Text(this JsonNode node, string member) =>
        node[member]?.GetValue<string>() ?? throw new InvalidOperationException($"No string member '{member}' in {node.ToJsonString()}");

    public static IReadOnlyList<string> MemberNames(this JsonNode node) => node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
}
