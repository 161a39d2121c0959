using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// The self-hosted server's teams, users, projects, apps and keys, kept in the same storage as the issues.
/// Writes of several records that belong together (a team and its owner) are one call, so they land together.
/// </summary>
public interface IDirectoryStore
{
    Task<bool> IsEmptyAsync(CancellationToken ct = default);

    Task<User?> FindUserAsync(Guid userId, CancellationToken ct = default);

    /// <summary>Finds a user by email, compared case-insensitively (the service writes and looks up lowercase).</summary>
    Task<User?> FindUserByEmailAsync(string email, CancellationToken ct = default);

    /// <exception cref="DirectoryConflictException">The email is taken (compared case-insensitively).</exception>
    Task AddUserAsync(User user, CancellationToken ct = default);

    /// <summary>Replaces a user's password hash.</summary>
    /// <returns><see langword="false"/> when there is no such user.</returns>
    Task<bool> SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken ct = default);

    /// <summary>Creates a user together with their first membership in one step.</summary>
    /// <exception cref="DirectoryConflictException">The email is taken (compared case-insensitively).</exception>
    Task AddMemberAsync(User newUser, Membership membership, CancellationToken ct = default);

    Task<Team?> FindTeamAsync(Guid teamId, CancellationToken ct = default);

    Task<Team?> FindTeamBySlugAsync(string slug, CancellationToken ct = default);

    /// <summary>Creates a team with its first member (the owner) in one step.</summary>
    Task AddTeamAsync(Team team, Membership owner, CancellationToken ct = default);

    Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken ct = default);

    Task<IReadOnlyList<Membership>> ListMembershipsOfTeamAsync(Guid teamId, CancellationToken ct = default);

    /// <summary>
    /// Adds a user to a team; <see cref="DirectoryConflictException"/> when the user already is a member, so that of
    /// two adds at once one succeeds and the other learns it did not add anyone.
    /// </summary>
    Task AddMembershipAsync(Membership membership, CancellationToken ct = default);

    /// <summary>
    /// Removes a user's membership of a team, unless it is the team's last owner: the check and the removal are one
    /// step, so two owners removing each other at once leave one of them.
    /// </summary>
    Task<MembershipChange> RemoveMembershipAsync(Guid teamId, Guid userId, CancellationToken ct = default);

    /// <summary>
    /// Gives a user's membership of a team another role, unless that takes the owner role from the team's last owner:
    /// the check and the change are one step, so two owners stepping down at once leave one of them.
    /// </summary>
    Task<MembershipChange> ChangeMembershipRoleAsync(Guid teamId, Guid userId, TeamRole role, CancellationToken ct = default);

    Task<Project?> FindProjectAsync(Guid projectId, CancellationToken ct = default);

    Task<IReadOnlyList<Project>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default);

    /// <summary>Adds or replaces a project.</summary>
    /// <exception cref="DirectoryConflictException">Another live (not deleted) project of the team has the slug.</exception>
    Task SaveProjectAsync(Project project, CancellationToken ct = default);

    Task<App?> FindAppAsync(Guid appId, CancellationToken ct = default);

    Task<IReadOnlyList<App>> ListAppsAsync(Guid projectId, CancellationToken ct = default);

    Task AddAppAsync(App app, CancellationToken ct = default);

    /// <summary>Creates an app together with its client key in one step.</summary>
    Task AddAppWithClientKeyAsync(App app, ApiKey clientKey, CancellationToken ct = default);

    Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken ct = default);

    Task<ApiKey?> FindKeyBySecretHashAsync(string secretHash, CancellationToken ct = default);

    Task<IReadOnlyList<ApiKey>> ListKeysAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default);

    /// <summary>Adds or replaces a key; revoking is saving it with <see cref="ApiKey.RevokedAt"/> set.</summary>
    Task SaveKeyAsync(ApiKey key, CancellationToken ct = default);

    /// <summary>Stores a whole first-start setup at once, only if the directory is still empty.</summary>
    /// <returns><see langword="false"/> when something was there already and nothing was written.</returns>
    Task<bool> TrySeedAsync(DirectorySeed seed, CancellationToken ct = default);
}
