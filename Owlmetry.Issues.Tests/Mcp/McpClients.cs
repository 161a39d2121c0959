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

    public static async Task<(string Text, bool IsError)> CallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        return (text, result.IsError == true);
    }
}
