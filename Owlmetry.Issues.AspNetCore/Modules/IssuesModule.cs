using Carter;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class IssuesModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/projects/{projectId:guid}/issues").WithTags("Issues").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        project.MapGet("", IssueEndpoints.ListProjectIssues).WithName("ListProjectIssues").RequiresPermission(IssuePermissions.Read).WithSummary("List a project's issues");
        project.MapGet("{issueId:guid}", IssueEndpoints.GetIssue).WithName("GetIssue").RequiresPermission(IssuePermissions.Read).WithSummary("Get an issue with its occurrences, comments and attachments");
        project.MapGet("{issueId:guid}/overview", IssueEndpoints.GetIssueOverview).WithName("GetIssueOverview").RequiresPermission(IssuePermissions.Read)
            .WithSummary("Get an issue's allowed status changes, 14 days of daily occurrences, breakdowns and activity");
        project.MapGet("search", IssueEndpoints.SearchIssues).WithName("SearchIssues").RequiresPermission(IssuePermissions.Read)
            .WithSummary("Find a project's issues by words of their title");
        project.MapGet("counts", IssueEndpoints.CountProjectIssues).WithName("CountProjectIssues").RequiresPermission(IssuePermissions.Read)
            .WithSummary("Count a project's issues per status, with the list's app and data-mode filters");
        project.MapPatch("{issueId:guid}", IssueEndpoints.UpdateIssue).WithName("UpdateIssueStatus").RequiresPermission(IssuePermissions.Write).WithSummary("Change an issue's status");
        project.MapPost("{issueId:guid}/merge", IssueEndpoints.MergeIssue).WithName("MergeIssue").RequiresPermission(IssuePermissions.Write).WithSummary("Merge another issue into this one");
        project.MapPost("claim", ClaimEndpoints.ClaimNextIssue).WithName("ClaimNextIssue").RequiresPermission(IssuePermissions.Write)
            .WithSummary("Claim the next unclaimed issue matching a filter, for a bounded time");
        project.MapPost("{issueId:guid}/claim", ClaimEndpoints.ClaimIssue).WithName("ClaimIssue").RequiresPermission(IssuePermissions.Write)
            .WithSummary("Claim an issue nobody holds, or extend the caller's claim on it, for a bounded time").ProducesProblem(409);
        project.MapDelete("{issueId:guid}/claim", ClaimEndpoints.ReleaseClaim).WithName("ReleaseIssueClaim").RequiresPermission(IssuePermissions.Write)
            .WithSummary("Release the caller's claim on an issue, or anyone's for a team owner or admin").ProducesProblem(409);

        // Not a group's "" route, which would be /v1/issues/ (the http_route of the metrics).
        app.MapGet("/issues", IssueEndpoints.ListTeamIssues).WithName("ListTeamIssues").RequiresPermission(IssuePermissions.Read).WithSummary("List the issues of the caller's teams").WithTags("Issues")
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        app.MapGet("/issues/counts", IssueEndpoints.CountTeamIssues).WithName("CountTeamIssues").RequiresPermission(IssuePermissions.Read)
            .WithSummary("Count the issues of the caller's teams per status, with the team list's filters").WithTags("Issues")
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        app.MapGet("/issues/daily-counts", IssueEndpoints.GetIssueDailyCounts).WithName("GetIssueDailyCounts").RequiresPermission(IssuePermissions.Read)
            .WithSummary("Get several issues' occurrences per day over the last 14 days, in one call").WithTags("Issues")
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
    }
}
