using Carter;
using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class IngestModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        // One route, mapped without a group of its own: a group's "" route would be /v1/ingest/, the http_route of the metrics.
        app.MapPost("/ingest", IngestEndpoints.Ingest).WithName("Ingest").WithSummary("Send a batch of events").WithTags("Ingest")
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .WithIngestRateLimiting(app)

            // One byte over the batch's limit, so that ingest's own reader finds the excess and names the limit.
            .WithMetadata(new RequestSizeLimitAttribute(IngestEndpoints.MaxBodyBytes + 1L))
            .Accepts<object>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(429);
    }
}
