using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Access;

/// <summary>
/// Team-level authorization of a team's own resources (its jobs, and a host's directory): users by role, keys by
/// permission. A team the actor is not in is "not found", never "forbidden", so a stranger learns nothing.
/// </summary>
internal static class TeamAccess
{
    /// <summary>Refuses an actor outside <paramref name="teamId"/>, a client key, or a key without <paramref name="keyPermission"/>.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="teamId">The team that owns the resource.</param>
    /// <param name="keyPermission">The permission an agent key needs (users pass).</param>
    /// <returns>Null when allowed; else the refusal.</returns>
    public static IssueError? RequireMember(Actor actor, Guid teamId, string keyPermission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return !actor.IsIn(teamId) ? IssueError.NotFound("Team not found")
            : actor.Has(keyPermission) && actor.Kind != ActorKind.Client ? null
            : IssueError.MissingPermission(keyPermission);
    }

    /// <summary>As <see cref="RequireMember"/>, and a user must also be an owner or admin of the team.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="teamId">The team that owns the resource.</param>
    /// <param name="keyPermission">The permission an agent key needs.</param>
    /// <returns>Null when allowed; else the refusal.</returns>
    public static IssueError? RequireAdmin(Actor actor, Guid teamId, string keyPermission) =>
        RequireMember(actor, teamId, keyPermission) is { } refusal ? refusal
        : actor.Kind == ActorKind.User && !actor.IsTeamAdmin(teamId) ? IssueError.Forbidden("Only a team owner or admin may do this")
        : null;
}
