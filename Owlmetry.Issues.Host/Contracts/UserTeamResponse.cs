namespace Owlmetry.Issues.Host.Contracts;

public sealed record UserTeamResponse(Guid Id, string Name, string Slug, string Role);
