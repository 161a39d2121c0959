namespace Owlmetry.Issues.Host.Directory;

/// <summary>An API key with the team it acts for and the app it is bound to, if any.</summary>
public sealed record KeyIdentity(ApiKey Key, Team? Team, App? App) : CallerIdentity;
