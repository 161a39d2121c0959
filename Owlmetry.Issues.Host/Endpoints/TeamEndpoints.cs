using Microsoft.AspNetCore.Http.HttpResults;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Endpoints;

public static class TeamEndpoints
{
    public static async Task<Results<Created<TeamResponse>, ProblemHttpResult>> CreateTeam(CreateTeamRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.CreateTeamAsync(caller.Actor, body, ct)).ToCreated(t => $"/v1/teams/{t.Id}", DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<TeamDetailResponse>, ProblemHttpResult>> GetTeam(Guid teamId, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.GetTeamAsync(caller.Actor, teamId, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<Results<Created<MemberResponse>, ProblemHttpResult>> AddMember(
        Guid teamId, AddMemberRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.AddMemberAsync(caller.Actor, teamId, body, ct)).ToCreated(m => $"/v1/teams/{teamId}/members/{m.User.Id}", DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> ChangeMemberRole(
        Guid teamId, Guid userId, UpdateMemberRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.ChangeMemberRoleAsync(caller.Actor, teamId, userId, body, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<DeletedResponse>, ProblemHttpResult>> RemoveMember(Guid teamId, Guid userId, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.RemoveMemberAsync(caller.Actor, teamId, userId, ct)).ToHttp(_ => new DeletedResponse(true));

    public static async Task<Results<Ok<PasswordResetResponse>, ProblemHttpResult>> ResetMemberPassword(Guid teamId, Guid userId, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.ResetPasswordAsync(caller.Actor, teamId, userId, ct)).ToHttp(DirectoryContracts.ToResponse);
}
