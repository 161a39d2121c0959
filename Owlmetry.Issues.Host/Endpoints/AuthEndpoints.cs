using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Endpoints;

public static class AuthEndpoints
{
    public static async Task<IResult> Login(LoginRequest? body, DirectoryService directory, CancellationToken ct) =>
        (await directory.LoginAsync(body?.Email, body?.Password, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<IResult> ChangePassword(ChangePasswordRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.ChangePasswordAsync(caller.Actor, body, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<IResult> GetCurrentUser(CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.GetSessionAsync(caller.Actor, ct)).ToHttp(DirectoryContracts.ToResponse);

    public static async Task<IResult> WhoAmI(CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.WhoAmIAsync(caller.Actor, ct)).ToHttp(DirectoryContracts.ToResponse);
}
