using System.Text.Json;

namespace Owlmetry.Issues.Host.Contracts;

/// <param name="Color">Optional <c>#RRGGBB</c>; without it the project takes a palette color its team does not use yet.</param>
public sealed record CreateProjectRequest(string? TeamId, string? Name, string? Slug, string? Color = null)
{
    /// <summary>The reference's per-project retention: refused when set, since retention is server-wide here.</summary>
    public JsonElement RetentionDaysEvents { get; init; }
}
