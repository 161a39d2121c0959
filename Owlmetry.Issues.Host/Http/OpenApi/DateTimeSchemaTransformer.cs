using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// Times are written by the API's own converter (UTC, milliseconds), so the generator knows their format but not
/// their type: they are strings, and null where the property is nullable.
/// </summary>
internal sealed class DateTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (Nullable.GetUnderlyingType(type) is { } underlying && underlying == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
