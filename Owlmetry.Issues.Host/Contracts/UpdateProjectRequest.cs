using System.Text.Json;

namespace Owlmetry.Issues.Host.Contracts;

/// <param name="IssueAlertFrequency">Three states: absent (<see cref="JsonValueKind.Undefined"/>) keeps it, null resets it to the default, a string sets it.</param>
public sealed record UpdateProjectRequest(string? Name, JsonElement IssueAlertFrequency);
