namespace Owlmetry.Issues.Host.Directory;

public sealed record LoginResult(string Token, UserSession Session);
