using Microsoft.AspNetCore.Http.HttpResults;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Endpoints;

public static class AuthEndpoints
{
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(LoginRequest? body, DirectoryService directory, CancellationToken ct) =>
        (await directory.LoginAsync(body?.Email, body?.Password, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> ChangePassword(ChangePasswordRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.ChangePasswordAsync(caller.Actor, body, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetCurrentUser(CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.GetSessionAsync(caller.Actor, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<WhoAmIResponse>, ProblemHttpResult>> WhoAmI(CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.WhoAmIAsync(caller.Actor, ct)).ToHttp(DirectoryContracts.ToResponse);
}
