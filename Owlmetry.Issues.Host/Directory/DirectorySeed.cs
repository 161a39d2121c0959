namespace Owlmetry.Issues.Host.Directory;

/// <summary>Everything the bootstrap creates on an empty data directory.</summary>
public sealed record DirectorySeed(Team Team, User Owner, Membership OwnerMembership, Project Project, App App, IReadOnlyList<ApiKey> Keys);
