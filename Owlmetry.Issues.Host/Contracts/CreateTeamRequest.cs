namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateTeamRequest(string? Name, string? Slug);
