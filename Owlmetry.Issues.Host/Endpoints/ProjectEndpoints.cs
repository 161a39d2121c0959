using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Endpoints;

public static class ProjectEndpoints
{
    public static async Task<Results<Ok<ProjectListResponse>, ProblemHttpResult>> ListProjects(CurrentActor caller, DirectoryService directory, IOptions<IssuesOptions> issues, CancellationToken ct) =>
        (await directory.ListProjectsAsync(caller.Actor, ct)).ToHttp(p => p.ToResponse(issues.Value));

    public static async Task<Results<Ok<ProjectDetailResponse>, ProblemHttpResult>> GetProject(
        Guid projectId, CurrentActor caller, DirectoryService directory, IOptions<IssuesOptions> issues, CancellationToken ct) =>
        (await directory.GetProjectAsync(caller.Actor, projectId, ct)).ToHttp(p => p.ToResponse(issues.Value));

    public static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> CreateProject(
        CreateProjectRequest? body, CurrentActor caller, DirectoryService directory, IOptions<IssuesOptions> issues, CancellationToken ct) =>
        (await directory.CreateProjectAsync(caller.Actor, body, ct)).ToCreated(p => $"/v1/projects/{p.Id}", p => p.ToResponse(issues.Value));

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> UpdateProject(
        Guid projectId, UpdateProjectRequest? body, CurrentActor caller, DirectoryService directory, IOptions<IssuesOptions> issues, CancellationToken ct) =>
        (await directory.UpdateProjectAsync(caller.Actor, projectId, body, ct)).ToHttp(p => p.ToResponse(issues.Value));
}
