using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class CommentEndpoints
{
    public static async Task<Results<Ok<CommentListResponse>, ProblemHttpResult>> ListComments(
        Guid projectId, Guid issueId, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.ListCommentsAsync(caller.Actor, projectId, issueId, ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> CreateComment(
        Guid projectId, Guid issueId, CommentRequest? body, HttpContext context, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.AddCommentAsync(caller.Actor, projectId, issueId, body?.Body, ct)).ToCreated(
            comment => $"{IssuesApiPrefix.Of(context)}/projects/{projectId}/issues/{issueId}/comments/{comment.Id}", IssueContracts.ToResponse);

    public static async Task<Results<Ok<CommentResponse>, ProblemHttpResult>> EditComment(
        Guid projectId, Guid issueId, Guid commentId, CommentRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.EditCommentAsync(caller.Actor, projectId, issueId, commentId, body?.Body, ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<Results<Ok<DeletedResponse>, ProblemHttpResult>> DeleteComment(
        Guid projectId, Guid issueId, Guid commentId, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.DeleteCommentAsync(caller.Actor, projectId, issueId, commentId, ct)).ToHttp(_ => new DeletedResponse(true));
}
