namespace Owlmetry.Issues.Host.Directory;

public sealed record UserIdentity(UserSession Session) : CallerIdentity;
