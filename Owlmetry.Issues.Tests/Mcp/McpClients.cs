using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Mcp;

/// <summary>The SDK's MCP client on the in-memory server's <c>/mcp</c>, sending a bearer credential as an agent's client would.</summary>
internal static class McpClients
{
    public static Task<McpClient> ConnectAsync(HttpTeam team, string? bearer)
    {
        var http = team.ClientWith(bearer);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            ownsHttpClient: true);
        return McpClient.CreateAsync(transport);
    }

    /// <summary>A raw POST of <paramref name="content"/> to <c>/mcp</c>, accepting both answers Streamable HTTP may give.</summary>
    public static HttpRequestMessage Post(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    /// <summary>The JSON-RPC error a raw POST was answered with, in the one server-sent event of its answer.</summary>
    public static async Task<(int Code, string Message)> JsonRpcErrorAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var data = text.Split('\n').SingleOrDefault(line => line.StartsWith("data: ", StringComparison.Ordinal));
        var error = data is null ? null : JsonNode.Parse(data["data: ".Length..])!["error"];
        Assert.That(error, Is.Not.Null, $"a JSON-RPC error: {text}");
        return (error!["code"]!.GetValue<int>(), error["message"]!.GetValue<string>());
    }

    public static async Task<(string Text, bool IsError)> CallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        return (text, result.IsError == true);
    }
}
