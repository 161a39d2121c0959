namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/teams</c>.</summary>
/// <param name="Name">The team's name.</param>
/// <param name="Slug">Its slug, unique on the server.</param>
public sealed record CreateTeamRequest(string? Name, string? Slug);
