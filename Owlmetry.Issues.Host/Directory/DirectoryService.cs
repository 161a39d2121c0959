using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// The directory's rules (CONTRACT §4, §5): who may see and change teams, members, projects, apps and keys.
/// Split over partial files by resource. Like the issue service, a team or project the caller cannot see is
/// reported as not found, never as forbidden.
/// </summary>
public sealed partial class DirectoryService(
    IDirectoryStore store, IIssueService issues, IPasswordHasher<User> passwords, UserTokenService tokens, TimeProvider timeProvider,
    IOptions<IssuesOptions> issuesOptions, IOptions<DirectoryOptions> limits)
{
    private static readonly IssueError s_teamNotFound = IssueError.NotFound("Team not found");
    private static readonly IssueError s_projectNotFound = IssueError.NotFound("Project not found");

    // Highest role first, as people read a role list.
    private static readonly string[] s_rolesHighestFirst = [.. WireNames.All<TeamRole>().Reverse()];
    private static readonly User s_nobody = new(Guid.Empty, string.Empty, string.Empty, string.Empty, DateTimeOffset.UnixEpoch);

    // Verified against when the email is unknown, so that a login costs the same whether or not the account exists.
    private readonly string _decoyHash = passwords.HashPassword(s_nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    private DateTimeOffset Now => timeProvider.GetUtcNowMilliseconds();

    // Users manage by role; an agent key holding the write permission acts for its own team.
    private static bool CanManage(Actor actor, Guid teamId) =>
        actor.Kind == ActorKind.Agent ? actor.IsIn(teamId) : actor.IsTeamAdmin(teamId);

    /// <summary>
    /// Ends the claims of a key just revoked or a user just removed from the team, which could no longer renew or release
    /// them, so that their issues go back to the claim queue at once. The directory and the issues are separate stores
    /// (separate transactions on PostgreSQL, separate locks in memory), so this is a unit of its own, after the change has
    /// committed: a claim that a request sent just before the change takes after it, or that a failure here leaves, is
    /// for a team owner or admin to release (ClaimRules.Release).
    /// </summary>
    private Task EndClaimsOfFormerHolderAsync(ActorKind holderKind, Guid holderId, Guid teamId, CancellationToken ct) =>
        issues.EndClaimsHeldByAsync(holderKind, holderId, teamId, ct);

    private async Task<Team?> FindVisibleTeamAsync(Actor actor, Guid teamId, CancellationToken ct) =>
        actor.IsIn(teamId) ? await store.FindTeamAsync(teamId, ct) : null;

    private async Task<Project?> FindVisibleProjectAsync(Actor actor, Guid projectId, CancellationToken ct) =>
        await store.FindProjectAsync(projectId, ct) is { DeletedAt: null } project && actor.IsIn(project.TeamId) ? project : null;
}
