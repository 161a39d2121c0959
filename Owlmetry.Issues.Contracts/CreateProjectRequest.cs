using System.Text.Json;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/projects</c>.</summary>
/// <param name="TeamId">The team (a UUID).</param>
/// <param name="Name">The project's name.</param>
/// <param name="Slug">Its slug, unique in the team.</param>
/// <param name="Color">Optional <c>#RRGGBB</c>; without it the project takes a palette color its team does not use yet.</param>
public sealed record CreateProjectRequest(string? TeamId, string? Name, string? Slug, string? Color = null)
{
    /// <summary>The reference's per-project retention: refused when set, since retention is server-wide here; left out when absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement RetentionDaysEvents { get; init; }
}
