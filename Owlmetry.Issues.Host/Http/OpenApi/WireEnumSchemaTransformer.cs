using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// The closed sets of names the API reads and writes as plain strings (statuses, roles, permissions…), documented as
/// string enums with their wire names so that a generated client gets enum types. The names come from the same lists
/// the server validates against.
/// </summary>
internal sealed class WireEnumSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly WireEnum[] s_enums =
    [
        new("status", IssueStatusNames.All, typeof(IssueResponse), typeof(UpdateIssueRequest)),
        new("permissions", ApiKeyPermissions.All, typeof(CreateApiKeyRequest), typeof(ApiKeyResponse), typeof(CreatedApiKeyResponse), typeof(WhoAmIResponse)),
        new("key_type", ApiKeyTypeNames.All, typeof(CreateApiKeyRequest), typeof(ApiKeyResponse), typeof(CreatedApiKeyResponse), typeof(WhoAmIResponse)),
        new("platform", AppPlatforms.All, typeof(CreateAppRequest), typeof(AppResponse), typeof(CreatedAppResponse)),
        new("role", TeamRoleNames.All, typeof(AddMemberRequest), typeof(MemberResponse), typeof(UserTeamResponse)),
        new("issue_alert_frequency", IssueAlertFrequencies.All, typeof(ProjectResponse), typeof(ProjectDetailResponse)),
        new("effective_issue_alert_frequency", IssueAlertFrequencies.All, typeof(ProjectResponse), typeof(ProjectDetailResponse)),
        new("events", NotificationTypes.All, typeof(CreateWebhookRequest), typeof(WebhookResponse)),
        new("level", EventRules.Levels, typeof(EventResponse)),
        new("job_type", [JobRunResponse.IssueScan], typeof(TriggerJobRequest), typeof(JobRunResponse)),
    ];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property
            || s_enums.FirstOrDefault(e => e.Property == property.Name && e.DeclaredBy.Any(property.DeclaringType.IsAssignableTo)) is not { } wireEnum)
        {
            return Task.CompletedTask;
        }

        // A list of names (permissions, webhook events) constrains its items; a single name constrains itself.
        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        var nullable = target.Type?.HasFlag(JsonSchemaType.Null) == true;
        target.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        target.Enum = ToEnum(wireEnum.Names, nullable);
        return Task.CompletedTask;
    }

    /// <summary>The enum of a query parameter or property; a nullable one lists null too, or validators would refuse it.</summary>
    public static List<JsonNode> ToEnum(IEnumerable<string> names, bool nullable = false) =>
        [.. names.Select(name => (JsonNode)JsonValue.Create(name)), .. nullable ? new JsonNode[] { null! } : []];

    private sealed record WireEnum(string Property, IReadOnlyList<string> Names, params Type[] DeclaredBy);
}
