using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// Numbers are integers on the wire. The web serializer defaults also read numbers written as strings, which the
/// generator documents as <c>["integer", "string"]</c> with a pattern: a client generator would then type them as text.
/// </summary>
internal sealed class IntegerSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
