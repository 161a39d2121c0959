using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class IssueEndpoints
{
    public static async Task<Results<Ok<IssueListResponse>, ProblemHttpResult>> ListProjectIssues(
        Guid projectId, [AsParameters] IssueListParameters parameters, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var query = QueryParser.ParseProjectListQuery(parameters);
        return query.IsSuccess
            ? (await issues.ListAsync(caller.Actor, projectId, query.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : query.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueListResponse>, ProblemHttpResult>> ListTeamIssues(
        [AsParameters] IssueListParameters parameters,
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "project_id")] string? projectId,
        CurrentActor caller,
        IIssueService issues,
        CancellationToken ct)
    {
        // Not a derived parameters class: the request delegate generator binds only the properties a class declares.
        var query = QueryParser.ParseTeamIssueQuery(parameters, teamId, projectId);
        return query.IsSuccess
            ? (await issues.ListAcrossTeamsAsync(caller.Actor, query.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : query.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueDetailResponse>, ProblemHttpResult>> GetIssue(
        Guid projectId,
        Guid issueId,
        [FromQuery(Name = "occurrence_cursor")] string? occurrenceCursor,
        [FromQuery(Name = "occurrence_limit")] string? occurrenceLimit,
        CurrentActor caller,
        IIssueService issues,
        CancellationToken ct)
    {
        var page = new OccurrencePageRequest(string.IsNullOrEmpty(occurrenceCursor) ? null : occurrenceCursor, QueryValues.ParseLimit(occurrenceLimit));
        return (await issues.GetAsync(caller.Actor, projectId, issueId, page, ct)).ToHttp(IssueContracts.ToResponse);
    }

    public static async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> UpdateIssue(
        Guid projectId, Guid issueId, UpdateIssueRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var target = RequestBodies.ParseStatus(body);
        return target.IsSuccess
            ? (await issues.ChangeStatusAsync(caller.Actor, projectId, issueId, target.Value, body!.ResolvedAtVersion, ct)).ToHttp(IssueContracts.ToResponse)
            : target.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> MergeIssue(
        Guid projectId, Guid issueId, MergeIssueRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var sourceId = RequestBodies.ParseMergeSource(body);
        return sourceId.IsSuccess
            ? (await issues.MergeAsync(caller.Actor, projectId, issueId, sourceId.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : sourceId.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueOverviewResponse>, ProblemHttpResult>> GetIssueOverview(
        Guid projectId, Guid issueId, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.GetOverviewAsync(caller.Actor, projectId, issueId, ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<Results<Ok<IssueListResponse>, ProblemHttpResult>> SearchIssues(
        Guid projectId, [FromQuery(Name = "q")] string? text, [FromQuery] string? limit, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.SearchAsync(caller.Actor, projectId, text, QueryValues.ParseLimit(limit), ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<Results<Ok<IssueCountsResponse>, ProblemHttpResult>> CountProjectIssues(
        Guid projectId, [AsParameters] IssueListParameters parameters, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var query = QueryParser.ParseProjectListQuery(parameters);
        return query.IsSuccess
            ? (await issues.CountAsync(caller.Actor, projectId, query.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : query.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueCountsResponse>, ProblemHttpResult>> CountTeamIssues(
        [AsParameters] IssueListParameters parameters,
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "project_id")] string? projectId,
        CurrentActor caller,
        IIssueService issues,
        CancellationToken ct)
    {
        var query = QueryParser.ParseTeamIssueQuery(parameters, teamId, projectId);
        return query.IsSuccess
            ? (await issues.CountAcrossTeamsAsync(caller.Actor, query.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : query.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueDailyCountsListResponse>, ProblemHttpResult>> GetIssueDailyCounts(
        [FromQuery(Name = "ids")] string? ids, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var issueIds = IssueIdList.Parse(ids, "ids");
        return issueIds.IsSuccess
            ? (await issues.GetDailyCountsAsync(caller.Actor, issueIds.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : issueIds.Error.ToProblem();
    }
}
