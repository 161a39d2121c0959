using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

public static class IssueEndpoints
{
    public static async Task<IResult> ListProjectIssues(
        Guid projectId, [AsParameters] IssueListParameters parameters, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var query = QueryParser.ParseIssueQuery(parameters);
        return query.IsSuccess
            ? (await issues.ListAsync(caller.Actor, projectId, query.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : query.Error.ToProblem();
    }

    public static async Task<IResult> ListTeamIssues(
        [AsParameters] TeamIssueListParameters parameters, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var query = QueryParser.ParseTeamIssueQuery(parameters);
        return query.IsSuccess
            ? (await issues.ListAcrossTeamsAsync(caller.Actor, query.Value, ct)).ToHttp(IssueContracts.ToResponse)
            : query.Error.ToProblem();
    }

    public static async Task<IResult> GetIssue(
        Guid projectId,
        Guid issueId,
        [FromQuery(Name = "occurrence_cursor")] string? occurrenceCursor,
        [FromQuery(Name = "occurrence_limit")] string? occurrenceLimit,
        CurrentActor caller,
        IIssueService issues,
        CancellationToken ct)
    {
        var page = new OccurrencePageRequest(string.IsNullOrEmpty(occurrenceCursor) ? null : occurrenceCursor, QueryParser.ParseLimit(occurrenceLimit));
        return (await issues.GetAsync(caller.Actor, projectId, issueId, page, ct)).ToHttp(IssueContracts.ToResponse);
    }

    public static async Task<IResult> UpdateIssue(
        Guid projectId, Guid issueId, UpdateIssueRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body?.Status))
        {
            return ErrorResponses.Problem(StatusCodes.Status400BadRequest, "status is required");
        }

        if (!IssueStatusNames.TryParse(body.Status, out var target))
        {
            return ErrorResponses.Problem(StatusCodes.Status400BadRequest, $"Invalid status; valid values: {string.Join(", ", IssueStatusNames.All)}");
        }

        var changed = await issues.ChangeStatusAsync(caller.Actor, projectId, issueId, target, body.ResolvedAtVersion, ct);
        return changed.ToHttp(IssueContracts.ToResponse);
    }

    public static async Task<IResult> MergeIssue(
        Guid projectId, Guid issueId, MergeIssueRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body?.SourceIssueId))
        {
            return ErrorResponses.Problem(StatusCodes.Status400BadRequest, "source_issue_id is required");
        }

        if (!Guid.TryParse(body.SourceIssueId, out var sourceId))
        {
            return ErrorResponses.Problem(StatusCodes.Status400BadRequest, "source_issue_id must be a UUID");
        }

        return (await issues.MergeAsync(caller.Actor, projectId, issueId, sourceId, ct)).ToHttp(IssueContracts.ToResponse);
    }
}
