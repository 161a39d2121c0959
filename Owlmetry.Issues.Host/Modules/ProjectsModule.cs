using Carter;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class ProjectsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/v1/projects").WithTags("Projects").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403);
        projects.MapGet("", ProjectEndpoints.ListProjects).WithName("ListProjects").WithSummary("List projects").Produces<ProjectListResponse>();
        projects.MapGet("{projectId:guid}", ProjectEndpoints.GetProject).WithName("GetProject").WithSummary("Get a project with its apps")
            .Produces<ProjectDetailResponse>().ProducesProblem(404);
        projects.MapPost("", ProjectEndpoints.CreateProject).WithName("CreateProject").WithSummary("Create a project")
            .Produces<ProjectResponse>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        projects.MapPatch("{projectId:guid}", ProjectEndpoints.UpdateProject).WithName("UpdateProject").WithSummary("Update a project")
            .Produces<ProjectResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
    }
}
