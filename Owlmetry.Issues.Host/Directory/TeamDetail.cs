namespace Owlmetry.Issues.Host.Directory;

public sealed record TeamDetail(Team Team, IReadOnlyList<TeamMember> Members);
