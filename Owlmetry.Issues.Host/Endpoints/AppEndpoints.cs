using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Endpoints;

public static class AppEndpoints
{
    public static async Task<Results<Created<CreatedAppResponse>, ProblemHttpResult>> CreateApp(CreateAppRequest? body, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.CreateAppAsync(caller.Actor, body, ct)).ToCreated(a => $"/v1/apps/{a.App.Id}", DirectoryContracts.ToResponse);

    public static async Task<Results<Ok<AppListResponse>, ProblemHttpResult>> ListApps(
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "project_id")] string? projectId,
        CurrentActor caller,
        DirectoryService directory,
        CancellationToken ct)
    {
        var team = QueryValues.ParseGuid(teamId, "team_id");
        var project = QueryValues.ParseGuid(projectId, "project_id");
        if ((team.Error ?? project.Error) is { } invalid)
        {
            return invalid.ToProblem();
        }

        return (await directory.ListAppsAsync(caller.Actor, team.Value, project.Value, ct)).ToHttp(DirectoryContracts.ToResponse);
    }

    public static async Task<Results<Ok<AppResponse>, ProblemHttpResult>> GetApp(Guid appId, CurrentActor caller, DirectoryService directory, CancellationToken ct) =>
        (await directory.GetAppAsync(caller.Actor, appId, ct)).ToHttp(DirectoryContracts.ToResponse);
}
