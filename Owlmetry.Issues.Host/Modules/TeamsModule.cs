using Carter;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class TeamsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/v1/teams").WithTags("Teams").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403);
        teams.MapPost("", TeamEndpoints.CreateTeam).WithName("CreateTeam").WithSummary("Create a team")
            .Produces<TeamResponse>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(409);
        teams.MapGet("{teamId:guid}", TeamEndpoints.GetTeam).WithName("GetTeam").WithSummary("Get a team with its members")
            .Produces<TeamDetailResponse>().ProducesProblem(404);
        teams.MapPost("{teamId:guid}/members", TeamEndpoints.AddMember).WithName("AddTeamMember").WithSummary("Add a member to a team")
            .Produces<MemberResponse>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        teams.MapPatch("{teamId:guid}/members/{userId:guid}", TeamEndpoints.ChangeMemberRole).WithName("ChangeTeamMemberRole").WithSummary("Change a member's role")
            .WithDescription("Owners and admins change the roles of others and their own; only owners give or take the owner role. A team keeps at least one owner (409).")
            .Produces<MemberResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        teams.MapDelete("{teamId:guid}/members/{userId:guid}", TeamEndpoints.RemoveMember).WithName("RemoveTeamMember").WithSummary("Remove a member from a team, or leave it")
            .WithDescription("Owners and admins remove members and admins, only owners remove owners, and anyone may remove themselves (leave). A team keeps at least one owner (409).")
            .Produces<DeletedResponse>().ProducesProblem(404).ProducesProblem(409);
        teams.MapPost("{teamId:guid}/members/{userId:guid}/reset-password", TeamEndpoints.ResetMemberPassword).WithName("ResetMemberPassword")
            .WithSummary("Give a member a new random password")
            .WithDescription("For a team owner or admin who administers every team of the user (and owns those the user owns). The new password is in the answer only; the user's earlier tokens stop working.")
            .Produces<PasswordResetResponse>().ProducesProblem(400).ProducesProblem(404);
    }
}
