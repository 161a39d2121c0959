using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>Every error body carries the <c>error</c> member (<see cref="ErrorResponses"/>); the problem schema says so.</summary>
internal sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || !context.JsonTypeInfo.Type.IsAssignableTo(typeof(ProblemDetails)))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[ErrorResponses.ErrorMember] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The error message, the same as the Owlmetry API's; clients should read this member.",
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add(ErrorResponses.ErrorMember);
        return Task.CompletedTask;
    }
}
