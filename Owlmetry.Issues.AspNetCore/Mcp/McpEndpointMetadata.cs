namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// Marks the MCP endpoint, which reads its JSON-RPC messages itself: a <see cref="System.Text.Json.JsonException"/>
/// that escapes it is the SDK refusing a message whose params do not fit their method (a 400), not a fault of the server.
/// </summary>
internal sealed class McpEndpointMetadata
{
    public static McpEndpointMetadata Instance { get; } = new();

    private McpEndpointMetadata()
    {
    }
}
