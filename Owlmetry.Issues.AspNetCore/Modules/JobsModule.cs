using Carter;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

public sealed class JobsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/v1").WithTags("Jobs").RequireAuthorization(OwlmetryApi.PolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        jobs.MapPost("teams/{teamId:guid}/jobs/trigger", JobEndpoints.Trigger).WithName("TriggerJob").WithSummary("Trigger a scan job")
            .Produces<JobRunEnvelope>(StatusCodes.Status201Created).ProducesProblem(400);
        jobs.MapGet("teams/{teamId:guid}/jobs", JobEndpoints.ListTeamRuns).WithName("ListJobRuns").WithSummary("List a team's job runs")
            .WithDescription("The scan runs the team triggered, newest first, keyset-paged with cursor and limit.")
            .Produces<JobRunListResponse>().ProducesProblem(400);
        jobs.MapGet("jobs/{runId:guid}", JobEndpoints.GetRun).WithName("GetJobRun").WithSummary("Get a job run").Produces<JobRunEnvelope>();
    }
}
