using Carter;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Endpoints;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.AspNetCore.Modules;

public sealed class IngestModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ingest", IngestEndpoints.Ingest).WithName("Ingest").WithSummary("Send a batch of events").WithTags("Ingest")
            .RequireAuthorization(OwlmetryApi.PolicyName)
            .RequireRateLimiting(IngestRateLimiting.PolicyName)
            .Accepts<object>("application/json")
            .Produces<IngestResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(429);
    }
}
