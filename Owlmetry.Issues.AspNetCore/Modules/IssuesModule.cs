using Carter;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

public sealed class IssuesModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/v1/projects/{projectId:guid}/issues").WithTags("Issues").RequireAuthorization(OwlmetryApi.PolicyName);
        project.MapGet("", IssueEndpoints.ListProjectIssues).WithName("ListProjectIssues").WithSummary("List a project's issues")
            .Produces<IssueListResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        project.MapGet("{issueId:guid}", IssueEndpoints.GetIssue).WithName("GetIssue").WithSummary("Get an issue with its occurrences, comments and attachments")
            .Produces<IssueDetailResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        project.MapPatch("{issueId:guid}", IssueEndpoints.UpdateIssue).WithName("UpdateIssueStatus").WithSummary("Change an issue's status")
            .Produces<IssueResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        project.MapPost("{issueId:guid}/merge", IssueEndpoints.MergeIssue).WithName("MergeIssue").WithSummary("Merge another issue into this one")
            .Produces<IssueResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        app.MapGet("/v1/issues", IssueEndpoints.ListTeamIssues).WithName("ListTeamIssues").WithSummary("List the issues of the caller's teams").WithTags("Issues")
            .RequireAuthorization(OwlmetryApi.PolicyName)
            .Produces<IssueListResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
    }
}
