namespace Owlmetry.Issues.Host.Auth;

/// <summary>
/// Team-level authorization of the server's own resources: users by role, keys by permission. A team the actor
/// is not in is "not found", never "forbidden".
/// </summary>
public static class TeamAccess
{
    public static IssueError? RequireMember(Actor actor, Guid teamId, string keyPermission) =>
        !actor.IsIn(teamId) ? IssueError.NotFound("Team not found")
        : actor.Has(keyPermission) && actor.Kind != ActorKind.Client ? null
        : IssueError.MissingPermission(keyPermission);

    public static IssueError? RequireAdmin(Actor actor, Guid teamId, string keyPermission) =>
        RequireMember(actor, teamId, keyPermission) is { } refusal ? refusal
        : actor.Kind == ActorKind.User && !actor.IsTeamAdmin(teamId) ? IssueError.Forbidden("Only a team owner or admin may do this")
        : null;
}
