using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The endpoints take their body as nullable so that a missing one gets the server's own 400 naming the first missing
/// field; a client always sends an object, so the body is documented as a required object, not "null or object".
/// </summary>
internal sealed class RequestBodyOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return Task.CompletedTask;
        }

        foreach (var media in body.Content.Values)
        {
            if (media.Schema is OpenApiSchema { OneOf: [var first, var second] } nullable)
            {
                media.Schema = IsNull(first) ? second : IsNull(second) ? first : nullable;
            }
        }

        body.Required = true;
        return Task.CompletedTask;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
