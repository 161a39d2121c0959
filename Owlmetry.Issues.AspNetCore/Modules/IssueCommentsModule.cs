using Carter;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class IssueCommentsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/projects/{projectId:guid}/issues/{issueId:guid}/comments")
            .WithTags("Issue comments").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        comments.MapGet("", CommentEndpoints.ListComments).WithName("ListIssueComments").RequiresPermission(IssuePermissions.Read).WithSummary("List an issue's comments");
        comments.MapPost("", CommentEndpoints.CreateComment).WithName("CreateIssueComment").RequiresPermission(IssuePermissions.Write).WithSummary("Comment on an issue").ProducesProblem(400);
        comments.MapPatch("{commentId:guid}", CommentEndpoints.EditComment).WithName("EditIssueComment").RequiresPermission(IssuePermissions.Write).WithSummary("Edit a comment").ProducesProblem(400);
        comments.MapDelete("{commentId:guid}", CommentEndpoints.DeleteComment).WithName("DeleteIssueComment").RequiresPermission(IssuePermissions.Write).WithSummary("Delete a comment");
    }
}
