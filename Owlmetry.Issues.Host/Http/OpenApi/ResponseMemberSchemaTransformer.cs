using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// A response writes every member, null or not, except the few marked to be left out when null. The generator
/// instead marks constructor parameters as required (including those left out) and nothing else; this says which
/// members a client can count on, and that a member left out when null is never null when present.
/// </summary>
internal sealed class ResponseMemberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.ParameterDescription?.Source == BindingSource.Body)
        {
            return Task.CompletedTask;
        }

        // A member that is an object comes here on its own before its holder: its nullability is decided here.
        if (context.JsonPropertyInfo is { } member)
        {
            if (IsLeftOutWhenNull(member))
            {
                NonNull(schema);
            }

            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo;
        if (type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var members = type.Properties.Where(p => !p.IsExtensionData && properties.ContainsKey(p.Name)).ToList();
        var leftOutWhenNull = members.Where(IsLeftOutWhenNull).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        schema.Required = members.Select(p => p.Name).Where(name => !leftOutWhenNull.Contains(name)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in leftOutWhenNull)
        {
            properties[name] = NonNull(properties[name]);
        }

        return Task.CompletedTask;
    }

    private static bool IsLeftOutWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true;

    private static IOpenApiSchema NonNull(IOpenApiSchema member)
    {
        switch (member)
        {
            case OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, var other] }:
                return other;
            case OpenApiSchema { OneOf: [var other, OpenApiSchema { Type: JsonSchemaType.Null }] }:
                return other;
            case OpenApiSchema { Type: { } type } nullable:
                nullable.Type = type & ~JsonSchemaType.Null;
                return nullable;
            default:
                return member;
        }
    }
}
