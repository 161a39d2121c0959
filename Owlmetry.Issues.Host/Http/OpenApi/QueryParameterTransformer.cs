using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The list endpoints bind their query strings as text so that a bad value gets the server's own 400 naming the valid
/// values (<see cref="QueryParser"/>); the document gives each parameter the type the server parses it as. Parameter
/// names mean the same thing on every route.
/// </summary>
internal sealed class QueryParameterTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] s_uuids = ["team_id", "project_id", "app_id", "issue_id", "event_id", "event_client_id", "session_id"];

    private static readonly Dictionary<string, WireEnum> s_enums = new(StringComparer.Ordinal)
    {
        ["status"] = WireEnum.IssueStatus,
        ["data_mode"] = WireEnum.DataMode,
        ["sort"] = WireEnum.IssueSort,
        ["claim"] = WireEnum.ClaimFilter,
        ["order"] = WireEnum.EventOrder,
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            parameter.Schema = SchemaOf(parameter.Name!) ?? parameter.Schema;
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema? SchemaOf(string name) => name switch
    {
        "limit" or "occurrence_limit" => new() { Type = JsonSchemaType.Integer, Format = "int32" },
        "is_dev" => new() { Type = JsonSchemaType.Boolean },
        _ when s_uuids.Contains(name) => new() { Type = JsonSchemaType.String, Format = "uuid" },
        _ when s_enums.TryGetValue(name, out var wireEnum) => wireEnum.Apply(new OpenApiSchema()),
        _ => null,
    };
}
