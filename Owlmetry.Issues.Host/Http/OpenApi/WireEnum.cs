using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Host.Http.OpenApi;

/// <summary>
/// A closed set of names the API reads and writes as plain strings, documented as one named string enum component
/// (so that a generated client gets one enum type, not one per property). The names come from the same lists the
/// server validates against.
/// </summary>
internal sealed record WireEnum(string Component, IReadOnlyList<string> Names)
{
    private const string MetadataKey = "owlmetry-wire-enum";

    public static WireEnum IssueStatus { get; } = new("IssueStatus", WireNames.All<IssueStatus>());
    public static WireEnum IssueSort { get; } = new("IssueSort", WireNames.All<IssueSort>());
    public static WireEnum EventOrder { get; } = new("EventOrder", WireNames.All<EventOrder>());
    public static WireEnum DataMode { get; } = new("DataMode", WireNames.All<DataMode>());
    public static WireEnum ClaimFilter { get; } = new("ClaimFilter", WireNames.All<ClaimFilter>());
    public static WireEnum Permission { get; } = new("Permission", ApiKeyPermissions.All);
    public static WireEnum KeyType { get; } = new("KeyType", WireNames.All<ApiKeyType>());
    public static WireEnum Platform { get; } = new("Platform", AppPlatforms.All);
    public static WireEnum TeamRole { get; } = new("TeamRole", WireNames.All<TeamRole>());
    public static WireEnum IssueAlertFrequency { get; } = new("IssueAlertFrequency", IssueAlertFrequencies.All);
    public static WireEnum WebhookEvent { get; } = new("WebhookEvent", NotificationTypes.All);
    public static WireEnum EventLevel { get; } = new("EventLevel", EventRules.Levels);
    public static WireEnum Environment { get; } = new("Environment", EventRules.Environments);
    public static WireEnum JobType { get; } = new("JobType", [JobRunResponse.IssueScan]);

    public static IReadOnlyList<WireEnum> All { get; } =
        [IssueStatus, IssueSort, EventOrder, DataMode, ClaimFilter, Permission, KeyType, Platform, TeamRole, IssueAlertFrequency, WebhookEvent, EventLevel, Environment, JobType];

    /// <summary>Makes <paramref name="schema"/> this enum inline, marked for <see cref="NamedEnumTransformer"/> to replace with a reference.</summary>
    public OpenApiSchema Apply(OpenApiSchema schema)
    {
        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Enum = Values();
        schema.Metadata ??= new Dictionary<string, object>();
        schema.Metadata[MetadataKey] = this;
        return schema;
    }

    public OpenApiSchema Definition() => new() { Type = JsonSchemaType.String, Enum = Values() };

    public static WireEnum? Of(IOpenApiSchema schema) =>
        schema is OpenApiSchema { Metadata: { } metadata } && metadata.TryGetValue(MetadataKey, out var wireEnum) ? wireEnum as WireEnum : null;

    private List<JsonNode> Values() => [.. Names.Select(name => (JsonNode)JsonValue.Create(name))];
}
