using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The request records take every member as nullable text so that a missing, null or malformed field gets the
/// server's own 400 ("name is required", "team_id must be a UUID") instead of the serializer's. Their required members
/// are those without a default; on the wire a required member cannot be null (null is refused as absence is), so it
/// is documented as not nullable, and the ids the server parses as UUIDs are documented as such.
/// </summary>
internal sealed class RequestBodySchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly string[] s_uuids = ["team_id", "project_id", "app_id", "source_issue_id", "client_event_id"];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.ParameterDescription?.Source != BindingSource.Body || context.JsonPropertyInfo is not null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (property is not OpenApiSchema { Type: { } type } member)
            {
                continue;
            }

            if (schema.Required?.Contains(name) == true)
            {
                member.Type = type & ~JsonSchemaType.Null;
            }

            if (s_uuids.Contains(name))
            {
                member.Format = "uuid";
            }
        }

        return Task.CompletedTask;
    }
}
