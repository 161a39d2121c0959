namespace Owlmetry.Issues.Host.Directory;

public sealed record UserSession(User User, IReadOnlyList<UserTeam> Teams);
