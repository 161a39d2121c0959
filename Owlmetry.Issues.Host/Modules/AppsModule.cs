using Carter;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class AppsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/apps").WithTags("Apps").RequireAuthorization(OwlmetryApi.PolicyName)
            .MapPost("", AppEndpoints.CreateApp).WithName("CreateApp")
            .Produces<CreatedAppResponse>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }
}
