using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// Every error body carries the <c>error</c> member (<see cref="ErrorResponses"/>), and attachment ingest's refusals a
/// <c>code</c> and <c>message</c> beside it; the problem schema says so.
/// </summary>
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
        schema.Properties[ErrorResponses.CodeMember] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A machine-readable code, on the refusals of attachment ingest only: invalid_request, disallowed_content_type, "
                + "quota_exhausted (with quota_bytes and used_bytes), user_quota_exhausted (with user_quota_bytes and user_used_bytes), "
                + "size_mismatch, hash_mismatch or already_uploaded.",
        };
        schema.Properties[ErrorResponses.MessageMember] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The error message again, present with code.",
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add(ErrorResponses.ErrorMember);
        return Task.CompletedTask;
    }
}
