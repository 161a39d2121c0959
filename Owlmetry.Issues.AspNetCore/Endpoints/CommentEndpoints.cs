using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

public static class CommentEndpoints
{
    public static async Task<IResult> ListComments(Guid projectId, Guid issueId, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.ListCommentsAsync(caller.Actor, projectId, issueId, ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<IResult> CreateComment(
        Guid projectId, Guid issueId, CommentRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct)
    {
        var created = await issues.AddCommentAsync(caller.Actor, projectId, issueId, body?.Body, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/v1/projects/{projectId}/issues/{issueId}/comments/{created.Value.Id}", created.Value.ToResponse())
            : created.Error.ToProblem();
    }

    public static async Task<IResult> EditComment(
        Guid projectId, Guid issueId, Guid commentId, CommentRequest? body, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.EditCommentAsync(caller.Actor, projectId, issueId, commentId, body?.Body, ct)).ToHttp(IssueContracts.ToResponse);

    public static async Task<IResult> DeleteComment(
        Guid projectId, Guid issueId, Guid commentId, CurrentActor caller, IIssueService issues, CancellationToken ct) =>
        (await issues.DeleteCommentAsync(caller.Actor, projectId, issueId, commentId, ct)).ToHttp(_ => new DeletedResponse(true));
}
