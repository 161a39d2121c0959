namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// The <c>Directory</c> configuration section: how much one user or team may create. Every team, member, project, app
/// and key is read on requests that list or authorize them, so each kind has a bound; one more is a 409.
/// </summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>The most teams a user belongs to, whether they created the team or were added to it.</summary>
    public int MaxTeamsPerUser { get; set; } = 100;

    /// <summary>The most members a team has, its owners included.</summary>
    public int MaxMembersPerTeam { get; set; } = 1000;

    /// <summary>The most projects a team has.</summary>
    public int MaxProjectsPerTeam { get; set; } = 1000;

    /// <summary>The most apps a project has.</summary>
    public int MaxAppsPerProject { get; set; } = 100;

    /// <summary>The most live keys a team has, each app's client key included; a revoked or expired key makes room.</summary>
    public int MaxKeysPerTeam { get; set; } = 1000;
}
