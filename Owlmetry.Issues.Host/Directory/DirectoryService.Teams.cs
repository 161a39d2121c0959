using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    public async Task<IssueResult<Team>> CreateTeamAsync(Actor actor, CreateTeamRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can create teams");
        }

        var name = DirectoryInput.Name(body?.Name);
        var slug = DirectoryInput.Slug(body?.Slug);
        if (!name.IsSuccess || !slug.IsSuccess)
        {
            return name.Error ?? slug.Error!;
        }

        var maxTeams = limits.Value.MaxTeamsPerUser;
        if ((await store.ListMembershipsOfUserAsync(actor.Id, ct)).Count >= maxTeams)
        {
            return IssueError.Conflict($"You already belong to {maxTeams} teams, the most a user may");
        }

        var now = Now;
        var team = new Team(Guid.NewGuid(), name.Value, slug.Value, now);
        try
        {
            await store.AddTeamAsync(team, new Membership(team.Id, actor.Id, TeamRole.Owner, now), ct);
        }
        catch (DirectoryConflictException)
        {
            return IssueError.Conflict("A team with this slug already exists");
        }

        return team;
    }

    public async Task<IssueResult<TeamDetail>> GetTeamAsync(Actor actor, Guid teamId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can view teams");
        }

        if (await FindVisibleTeamAsync(actor, teamId, ct) is not { } team)
        {
            return s_teamNotFound;
        }

        var members = new List<TeamMember>();
        foreach (var membership in await store.ListMembershipsOfTeamAsync(teamId, ct))
        {
            if (await store.FindUserAsync(membership.UserId, ct) is { } user)
            {
                members.Add(new TeamMember(user, membership));
            }
        }

        return new TeamDetail(team, members);
    }

    /// <summary>Adds an existing user by email, or creates the user; an existing user's name and password are never touched.</summary>
    public async Task<IssueResult<TeamMember>> AddMemberAsync(Actor actor, Guid teamId, AddMemberRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can add team members");
        }

        if (await FindVisibleTeamAsync(actor, teamId, ct) is null)
        {
            return s_teamNotFound;
        }

        if (!actor.IsTeamAdmin(teamId))
        {
            return IssueError.Forbidden("Only team owners and admins can add members");
        }

        var role = TeamRole.Member;
        if (body?.Role is not null && !WireNames.TryParse<TeamRole>(body.Role, out role))
        {
            return DirectoryInput.OneOf("role", s_rolesHighestFirst);
        }

        var email = DirectoryInput.Email(body?.Email);
        if (!email.IsSuccess)
        {
            return email.Error;
        }

        if (role == TeamRole.Owner && actor.Teams[teamId] != TeamRole.Owner)
        {
            return IssueError.Forbidden("Only owners can add owners");
        }

        var existing = await store.FindUserByEmailAsync(email.Value, ct);
        return existing is null
            ? await AddNewUserAsync(teamId, email.Value, role, body!, ct)
            : await AddExistingUserAsync(teamId, existing, role, ct);
    }

    private async Task<IssueResult<TeamMember>> AddExistingUserAsync(Guid teamId, User user, TeamRole role, CancellationToken ct)
    {
        var memberships = await store.ListMembershipsOfUserAsync(user.Id, ct);
        if (memberships.Any(m => m.TeamId == teamId))
        {
            return IssueError.Conflict(DirectoryConflictException.AlreadyMember);
        }

        var maxTeams = limits.Value.MaxTeamsPerUser;
        if (memberships.Count >= maxTeams)
        {
            return IssueError.Conflict($"This user already belongs to {maxTeams} teams, the most a user may");
        }

        if (await RefuseMembersOverLimitAsync(teamId, ct) is { } teamFull)
        {
            return teamFull;
        }

        var membership = new Membership(teamId, user.Id, role, Now);
        try
        {
            await store.AddMembershipAsync(membership, ct);
        }
        catch (DirectoryConflictException ex)
        {
            // Another add of the same user got there between the check above and this one.
            return IssueError.Conflict(ex.Message);
        }

        return new TeamMember(user, membership);
    }

    private async Task<IssueResult<TeamMember>> AddNewUserAsync(Guid teamId, string email, TeamRole role, AddMemberRequest body, CancellationToken ct)
    {
        var name = DirectoryInput.Name(body.Name);
        var password = DirectoryInput.Password(body.Password);
        if (!name.IsSuccess || !password.IsSuccess)
        {
            return name.Error ?? password.Error!;
        }

        if (await RefuseMembersOverLimitAsync(teamId, ct) is { } teamFull)
        {
            return teamFull;
        }

        var now = Now;
        var user = new User(Guid.NewGuid(), email, name.Value, string.Empty, now);
        user = user with { PasswordHash = passwords.HashPassword(user, password.Value) };
        var membership = new Membership(teamId, user.Id, role, now);
        try
        {
            await store.AddMemberAsync(user, membership, ct);
        }
        catch (DirectoryConflictException)
        {
            return IssueError.Conflict("A user with this email was created at the same time; try again");
        }

        return new TeamMember(user, membership);
    }

    // Checked before the insert, once the request is otherwise valid: adds racing past the bound add at most one member each.
    private async Task<IssueError?> RefuseMembersOverLimitAsync(Guid teamId, CancellationToken ct)
    {
        var maxMembers = limits.Value.MaxMembersPerTeam;
        return (await store.ListMembershipsOfTeamAsync(teamId, ct)).Count >= maxMembers
            ? IssueError.Conflict($"A team has at most {maxMembers} members; remove one to add another")
            : null;
    }
}
