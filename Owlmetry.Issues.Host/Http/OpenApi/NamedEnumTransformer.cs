using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// Runs last: adds a component for each <see cref="WireEnum"/> and replaces every schema marked as one with a
/// reference to it (null or the reference where the member is nullable).
/// </summary>
internal sealed class NamedEnumTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var wireEnum in WireEnum.All)
        {
            document.AddComponent<IOpenApiSchema>(wireEnum.Component, wireEnum.Definition());
        }

        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Replace(schema, document);
        }

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).Select(o => o.Value))
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Schema is not null))
            {
                parameter.Schema = Reference(parameter.Schema!, document);
            }
        }

        return Task.CompletedTask;
    }

    private static void Replace(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema inline)
        {
            return;
        }

        foreach (var (name, property) in inline.Properties?.ToList() ?? [])
        {
            inline.Properties![name] = Reference(property, document);
            Replace(property, document);
        }

        if (inline.Items is { } items)
        {
            inline.Items = Reference(items, document);
        }
    }

    private static IOpenApiSchema Reference(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (WireEnum.Of(schema) is not { } wireEnum)
        {
            return schema;
        }

        return schema.Type?.HasFlag(JsonSchemaType.Null) == true
            ? new OpenApiSchema
            {
                Description = schema.Description,
                OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(wireEnum.Component, document)],
            }
            : new OpenApiSchemaReference(wireEnum.Component, document) { Description = schema.Description };
    }
}
