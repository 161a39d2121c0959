using Carter;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class JobsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup(string.Empty).WithTags("Jobs").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        jobs.MapPost("teams/{teamId:guid}/jobs/trigger", JobEndpoints.Trigger).WithName("TriggerJob").WithSummary("Trigger a scan job").ProducesProblem(400);
        jobs.MapGet("teams/{teamId:guid}/jobs", JobEndpoints.ListTeamRuns).WithName("ListJobRuns").WithSummary("List a team's job runs")
            .WithDescription("The scan runs the team triggered, newest first, keyset-paged with cursor and limit.")
            .ProducesProblem(400);
        jobs.MapGet("jobs/{runId:guid}", JobEndpoints.GetRun).WithName("GetJobRun").WithSummary("Get a job run");
    }
}
