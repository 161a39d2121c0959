using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// Checks a call of one of the Issues tools against the tool's input schema before the SDK binds its arguments. The
/// SDK's binder throws for a missing argument or one of the wrong JSON type, and its answer then names neither
/// (<c>An error occurred invoking 'list_issues'.</c>) while it logs the call as a server error. Here the model gets a
/// tool error naming the argument, in the words of the tools' own refusals (<c>limit must be an integer</c>), and the
/// log stays clean. Tools an application adds to the same endpoint are left to the SDK.
/// </summary>
internal static class ToolArgumentCheck
{
    // The types the Issues tools' arguments have; an argument of any other type is left to the SDK's binder.
    private static readonly HashSet<string> s_checkedTypes = new(["string", "integer", "boolean", "null"], StringComparer.Ordinal);

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
            context.MatchedPrimitive is McpServerTool tool && IsIssueTool(tool)
                && Refusal(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } refusal
                ? ValueTask.FromResult(new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = refusal }] })
                : next(context, cancellationToken);

    /// <summary>The first argument, in the schema's order, that is missing or does not fit its type; null when all fit.</summary>
    public static string? Refusal(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var required = schema.TryGetProperty("required", out var names)
            ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            if (arguments is null || !arguments.TryGetValue(property.Name, out var value))
            {
                if (required.Contains(property.Name))
                {
                    return $"{property.Name} is required";
                }

                continue;
            }

            var types = AllowedTypes(property.Value);
            if (!types.IsSubsetOf(s_checkedTypes))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null ? !types.Contains("null") : !FitsOneOf(value, types))
            {
                return value.ValueKind == JsonValueKind.Number && types.Contains("integer") && value.TryGetInt64(out _)
                    ? $"{property.Name} is out of range"
                    : $"{property.Name} must be {Describe(types)}";
            }
        }

        return null;
    }

    private static bool IsIssueTool(McpServerTool tool) =>
        tool.Metadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType == typeof(IssueTools);

    /// <summary>The schema's <c>type</c>: one name (<c>"string"</c>) or several (<c>["integer","null"]</c>).</summary>
    private static HashSet<string> AllowedTypes(JsonElement property)
    {
        var type = property.GetProperty("type");
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [type.GetString()!];
    }

    // Every integer argument of the Issues tools binds to an int, so an integer beyond its range cannot be bound either.
    private static bool FitsOneOf(JsonElement value, HashSet<string> types) => value.ValueKind switch
    {
        JsonValueKind.String => types.Contains("string"),
        JsonValueKind.Number => types.Contains("integer") && value.TryGetInt32(out _),
        JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
        _ => false,
    };

    private static string Describe(HashSet<string> types) =>
        types.Contains("integer") ? "an integer"
        : types.Contains("boolean") ? "true or false"
        : "a string";
}
