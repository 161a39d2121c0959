using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory;

public sealed record UserTeam(Team Team, TeamRole Role);
