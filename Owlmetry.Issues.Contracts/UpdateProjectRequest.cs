using System.Text.Json;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>PATCH /v1/projects/:projectId</c>; what is left out is kept.</summary>
/// <param name="Name">A new name; absent or null keeps it.</param>
/// <param name="Color">A <c>#RRGGBB</c> color; absent or null keeps it.</param>
public sealed record UpdateProjectRequest(string? Name = null, string? Color = null)
{
    /// <summary>Three states: absent (<see cref="JsonValueKind.Undefined"/>) keeps it, null resets it to the default, a string sets it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement IssueAlertFrequency { get; init; }

    /// <summary>The reference's per-project retention: null (the default) is accepted, a number refused.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement RetentionDaysEvents { get; init; }
}
