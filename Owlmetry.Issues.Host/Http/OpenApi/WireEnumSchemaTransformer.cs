using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>The members of the contracts that hold a <see cref="WireEnum"/> name, or a list of them.</summary>
internal sealed class WireEnumSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Member[] s_members =
    [
        new("status", WireEnum.IssueStatus, typeof(IssueResponse), typeof(UpdateIssueRequest)),
        new("permissions", WireEnum.Permission, typeof(CreateApiKeyRequest), typeof(ApiKeyResponse), typeof(CreatedApiKeyResponse), typeof(WhoAmIResponse)),
        new("key_type", WireEnum.KeyType, typeof(CreateApiKeyRequest), typeof(ApiKeyResponse), typeof(CreatedApiKeyResponse), typeof(WhoAmIResponse)),
        new("platform", WireEnum.Platform, typeof(CreateAppRequest), typeof(AppResponse), typeof(CreatedAppResponse)),
        new("role", WireEnum.TeamRole, typeof(AddMemberRequest), typeof(MemberResponse), typeof(UserTeamResponse)),
        new("issue_alert_frequency", WireEnum.IssueAlertFrequency, typeof(ProjectResponse), typeof(ProjectDetailResponse)),
        new("effective_issue_alert_frequency", WireEnum.IssueAlertFrequency, typeof(ProjectResponse), typeof(ProjectDetailResponse)),
        new("events", WireEnum.WebhookEvent, typeof(CreateWebhookRequest), typeof(WebhookResponse)),
        new("level", WireEnum.EventLevel, typeof(EventResponse)),
        new("job_type", WireEnum.JobType, typeof(TriggerJobRequest), typeof(JobRunResponse)),
    ];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property
            && s_members.FirstOrDefault(m => m.Property == property.Name && m.DeclaredBy.Any(property.DeclaringType.IsAssignableTo)) is { } member)
        {
            // A list of names (permissions, webhook events) constrains its items; a single name constrains itself.
            member.Enum.Apply(schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema);
        }

        return Task.CompletedTask;
    }

    private sealed record Member(string Property, WireEnum Enum, params Type[] DeclaredBy);
}
