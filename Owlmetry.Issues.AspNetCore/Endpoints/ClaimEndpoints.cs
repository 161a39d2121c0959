using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class ClaimEndpoints
{
    public static async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> ClaimNextIssue(
        Guid projectId, ClaimIssueRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var filter = RequestBodies.ParseClaimFilter(body);
        return filter.IsSuccess
            ? (await issues.ClaimNextAsync(caller.Actor, projectId, filter.Value, RequestBodies.ClaimDuration(body?.DurationSeconds), ct)).ToHttp(IssueContracts.ToResponse)
            : filter.Error.ToProblem();
    }

    public static async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> ClaimIssue(
        Guid projectId, Guid issueId, RenewClaimRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.ClaimAsync(caller.Actor, projectId, issueId, RequestBodies.ClaimDuration(body?.DurationSeconds), ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> ReleaseClaim(
        Guid projectId, Guid issueId, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.ReleaseClaimAsync(caller.Actor, projectId, issueId, ct)).ToHttp(IssueContracts.ToResponse);
}
