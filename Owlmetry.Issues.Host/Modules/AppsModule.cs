using Carter;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class AppsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var apps = app.MapGroup("/v1/apps").WithTags("Apps").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        apps.MapPost("", AppEndpoints.CreateApp).WithName("CreateApp").WithSummary("Create an app")
            .Produces<CreatedAppResponse>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(409);
        apps.MapGet("", AppEndpoints.ListApps).WithName("ListApps").WithSummary("List apps")
            .WithDescription("The apps of every team the caller is in; team_id or project_id narrows the list.")
            .Produces<AppListResponse>().ProducesProblem(400);
        apps.MapGet("{appId:guid}", AppEndpoints.GetApp).WithName("GetApp").WithSummary("Get an app").Produces<AppResponse>();
    }
}
