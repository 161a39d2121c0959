using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private static readonly IssueError s_memberNotFound = IssueError.NotFound("Member not found");

    /// <summary>
    /// Removes a member from a team: owners and admins remove others (only owners remove owners), anyone may leave,
    /// and the team's last owner stays. The user's tokens stop reaching the team at once, since roles are read per request,
    /// and the claims they held on the team's issues end.
    /// </summary>
    public async Task<IssueResult<TeamMember>> RemoveMemberAsync(Actor actor, Guid teamId, Guid userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can remove team members");
        }

        if (await FindVisibleTeamAsync(actor, teamId, ct) is null)
        {
            return s_teamNotFound;
        }

        if (await FindMemberAsync(teamId, userId, ct) is not { } member)
        {
            return s_memberNotFound;
        }

        if (userId != actor.Id)
        {
            if (!actor.IsTeamAdmin(teamId))
            {
                return IssueError.Forbidden("Only team owners and admins can remove members");
            }

            if (member.Membership.Role == TeamRole.Owner && actor.Teams[teamId] != TeamRole.Owner)
            {
                return IssueError.Forbidden("Only owners can remove owners");
            }
        }

        switch (await store.RemoveMembershipAsync(teamId, userId, ct))
        {
            case MembershipChange.Applied:
                await EndClaimsOfFormerHolderAsync(ActorKind.User, userId, teamId, ct);
                return member;
            case MembershipChange.LastOwner:
                return IssueError.Conflict("A team must keep an owner: add another owner before removing this one");
            default:
                return s_memberNotFound;
        }
    }

    /// <summary>
    /// Gives a member another role: owners and admins change the roles of others and their own, only owners give or take
    /// the owner role, and the team's last owner stays an owner. The user's tokens carry the new role at once, since
    /// roles are read per request.
    /// </summary>
    public async Task<IssueResult<TeamMember>> ChangeMemberRoleAsync(
        Actor actor, Guid teamId, Guid userId, UpdateMemberRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can change members' roles");
        }

        if (await FindVisibleTeamAsync(actor, teamId, ct) is null)
        {
            return s_teamNotFound;
        }

        if (!actor.IsTeamAdmin(teamId))
        {
            return IssueError.Forbidden("Only team owners and admins can change members' roles");
        }

        if (!WireNames.TryParse<TeamRole>(body?.Role, out var role))
        {
            return DirectoryInput.OneOf("role", s_rolesHighestFirst);
        }

        if (await FindMemberAsync(teamId, userId, ct) is not { } member)
        {
            return s_memberNotFound;
        }

        if ((role == TeamRole.Owner || member.Membership.Role == TeamRole.Owner) && actor.Teams[teamId] != TeamRole.Owner)
        {
            return IssueError.Forbidden("Only owners can give or take the owner role");
        }

        if (role == member.Membership.Role)
        {
            return member;
        }

        return await store.ChangeMembershipRoleAsync(teamId, userId, role, ct) switch
        {
            MembershipChange.Applied => member with { Membership = member.Membership with { Role = role } },
            MembershipChange.LastOwner => IssueError.Conflict("A team must keep an owner: make another member an owner first"),
            _ => s_memberNotFound,
        };
    }

    private async Task<TeamMember?> FindMemberAsync(Guid teamId, Guid userId, CancellationToken ct) =>
        (await store.ListMembershipsOfUserAsync(userId, ct)).FirstOrDefault(m => m.TeamId == teamId) is { } membership
        && await store.FindUserAsync(userId, ct) is { } user
            ? new TeamMember(user, membership)
            : null;
}
