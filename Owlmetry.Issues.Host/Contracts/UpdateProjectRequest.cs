using System.Text.Json;

namespace Owlmetry.Issues.Host.Contracts;

/// <param name="IssueAlertFrequency">Three states: absent (<see cref="JsonValueKind.Undefined"/>) keeps it, null resets it to the default, a string sets it.</param>
/// <param name="Color">A <c>#RRGGBB</c> color; absent or null keeps it.</param>
/// <param name="RetentionDaysEvents">The reference's per-project retention: null (the default) is accepted, a number refused.</param>
public sealed record UpdateProjectRequest(string? Name, JsonElement IssueAlertFrequency, string? Color, JsonElement RetentionDaysEvents);
