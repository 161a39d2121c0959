using Carter;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class IngestModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var ingest = app.MapGroup("/ingest").WithTags("Ingest").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(429)
            .WithIngestRateLimiting(app);
        ingest.MapPost("", IngestEndpoints.Ingest).WithName("Ingest").WithSummary("Send a batch of events")
            .Accepts<object>("application/json");
    }
}
