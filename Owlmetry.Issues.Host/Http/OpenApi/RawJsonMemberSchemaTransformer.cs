using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// A few request members are read as raw JSON to tell an absent member from a null one; the generator sees only
/// "any JSON" (one shared component). Each is documented inline with the type a client sends.
/// </summary>
internal sealed class RawJsonMemberSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<string, Func<OpenApiSchema>> s_schemas = new(StringComparer.Ordinal)
    {
        ["issue_alert_frequency"] = () => WireEnum.IssueAlertFrequency.Apply(new OpenApiSchema { Type = JsonSchemaType.Null }),
        ["retention_days_events"] = () => new() { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var member in context.JsonTypeInfo.Properties.Where(p => p.PropertyType == typeof(JsonElement)))
        {
            if (s_schemas.TryGetValue(member.Name, out var create) && schema.Properties.TryGetValue(member.Name, out var generated))
            {
                var documented = create();
                documented.Description = generated.Description;
                schema.Properties[member.Name] = documented;
            }
        }

        return Task.CompletedTask;
    }
}
