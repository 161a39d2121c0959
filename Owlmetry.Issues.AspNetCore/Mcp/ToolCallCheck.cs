using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// Checks a <c>tools/call</c> request's params before the SDK reads them. The SDK's own reading throws for params
/// without a name or with arguments that are not an object, which it answers -32603 <c>An error occurred.</c> and logs
/// as a failed handler with the exception's stack; a tool it does not have is -32602 but logged as a tool's unhandled
/// exception, at error level. Both are the caller's mistakes: here they are -32602 (invalid params) with a message that
/// names the problem, logged at debug level without a stack.
/// </summary>
internal static partial class ToolCallCheck
{
    private static readonly JsonTypeInfo s_paramsType = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolRequestParams));

    public static McpMessageHandler Filter(McpMessageHandler next) =>
        (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsCall } request
                && Problem(request.Params, context.Server.ServerOptions) is { } problem)
            {
                var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolCallCheck).FullName!);
                if (logger is not null)
                {
                    LogRefused(logger, problem);
                }

                // Thrown from a message filter, ahead of the handler: the SDK answers it with its code and message
                // and logs nothing.
                throw new McpProtocolException(problem, McpErrorCode.InvalidParams);
            }

            return next(context, cancellationToken);
        };

    /// <summary>What is wrong with a <c>tools/call</c>'s params; null when the SDK can read them and has the tool.</summary>
    private static string? Problem(JsonNode? parameters, McpServerOptions options)
    {
        if (parameters is not JsonObject call)
        {
            return "tools/call needs params, an object with the tool's name and its arguments";
        }

        if (call["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            return "params.name must be the tool's name, a string";
        }

        if (call["arguments"] is { } arguments && arguments.GetValueKind() != JsonValueKind.Object)
        {
            return "params.arguments must be an object of the tool's arguments by name";
        }

        try
        {
            JsonSerializer.Deserialize(call, s_paramsType);
        }
        catch (JsonException invalid)
        {
            return $"Invalid tools/call params at {invalid.Path}";
        }

        var tool = name.GetValue<string>();
        return IsServed(tool, options) ? null : $"Unknown tool: '{tool}'. Tools: {string.Join(", ", ToolNames(options))}";
    }

    // A handler of the application's own may serve any name; only the registered tools are known here.
    private static bool IsServed(string tool, McpServerOptions options) =>
        options.Handlers.CallToolHandler is not null || options.ToolCollection?.TryGetPrimitive(tool, out _) == true;

    private static IEnumerable<string> ToolNames(McpServerOptions options) =>
        (options.ToolCollection?.Select(t => t.ProtocolTool.Name) ?? []).Order(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP tools/call refused as invalid params: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
