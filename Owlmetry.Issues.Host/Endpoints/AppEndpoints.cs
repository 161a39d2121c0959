using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Http;

namespace Owlmetry.Issues.Host.Endpoints;

public static class AppEndpoints
{
    public static async Task<IResult> CreateApp(CreateAppRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.CreateAppAsync(caller.Actor, body, ct)).ToCreated(a => $"/v1/apps/{a.App.Id}", DirectoryContracts.ToResponse);
}
