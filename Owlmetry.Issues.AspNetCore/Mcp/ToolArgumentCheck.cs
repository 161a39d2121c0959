using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// Checks a call of one of the Issues tools against the tool's input schema before the SDK binds its arguments. The
/// SDK's binder ignores an argument the tool does not take, so a misspelled filter or duration silently did something
/// else; it throws for a missing argument or one of the wrong JSON type, and its answer then names neither
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
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !IsIssueTool(tool))
            {
                return next(context, cancellationToken);
            }

            var schema = tool.ProtocolTool.InputSchema;
            if (Refusal(schema, context.Params?.Arguments) is { } refusal)
            {
                return ValueTask.FromResult(new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = OutsideText.Line(refusal) }] });
            }

            WriteIntegersPlainly(schema, context.Params?.Arguments);
            return next(context, cancellationToken);
        };

    /// <summary>
    /// The arguments the schema does not name, or else the first argument, in the schema's order, that is missing or
    /// does not fit its type; null when all fit.
    /// </summary>
    public static string? Refusal(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var properties = schema.GetProperty("properties");
        var unknown = arguments?.Keys.Where(name => !properties.TryGetProperty(name, out _)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            var accepted = properties.EnumerateObject().Select(p => p.Name).ToList();
            return $"Unknown argument{(unknown.Count == 1 ? string.Empty : "s")}: {string.Join(", ", unknown)}. "
                + (accepted.Count == 0 ? "The tool takes none." : $"The tool takes: {string.Join(", ", accepted)}.");
        }

        var required = schema.TryGetProperty("required", out var names)
            ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
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
                return value.ValueKind == JsonValueKind.Number && types.Contains("integer") && IntegralValue(value) is not null
                    ? OutOfRange(property)
                    : $"{property.Name} must be {Describe(types)}";
            }
        }

        return null;
    }

    /// <summary>
    /// Rewrites an integer argument written with a fraction or an exponent (<c>5.0</c>, <c>1e2</c>), which JSON Schema
    /// counts as an integer, as a plain one, which is all the binder reads. Only after <see cref="Refusal"/> found none.
    /// </summary>
    private static void WriteIntegersPlainly(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var properties = schema.GetProperty("properties");
        foreach (var (name, value) in arguments?.ToList() ?? [])
        {
            if (value.ValueKind == JsonValueKind.Number && !value.TryGetInt32(out _)
                && AllowedTypes(properties.GetProperty(name)).Contains("integer") && IntegralValue(value) is { } integer)
            {
                arguments![name] = JsonSerializer.SerializeToElement((int)integer);
            }
        }
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
        JsonValueKind.Number => types.Contains("integer") && IntegralValue(value) is >= int.MinValue and <= int.MaxValue,
        JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
        _ => false,
    };

    /// <summary>The number's value when it is an integer however it is written (<c>5</c>, <c>5.0</c>, <c>1e2</c>); else null.</summary>
    private static double? IntegralValue(JsonElement number) =>
        number.TryGetDouble(out var value) && double.IsFinite(value) && Math.Floor(value) == value ? value : null;

    /// <summary>An integer the argument's type cannot hold, refused with the schema's bounds when it declares them.</summary>
    private static string OutOfRange(JsonProperty property) =>
        property.Value.TryGetProperty("minimum", out var minimum) && property.Value.TryGetProperty("maximum", out var maximum)
            ? $"{property.Name} must be between {minimum} and {maximum}"
            : $"{property.Name} is out of range";

    private static string Describe(HashSet<string> types) =>
        types.Contains("integer") ? "an integer"
        : types.Contains("boolean") ? "true or false"
        : "a string";
}
