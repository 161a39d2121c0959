using Carter;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

public sealed class IssueCommentsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/v1/projects/{projectId:guid}/issues/{issueId:guid}/comments")
            .WithTags("Issue comments").RequireAuthorization(OwlmetryApi.PolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        comments.MapGet("", CommentEndpoints.ListComments).WithName("ListIssueComments").WithSummary("List an issue's comments").Produces<CommentListResponse>();
        comments.MapPost("", CommentEndpoints.CreateComment).WithName("CreateIssueComment").WithSummary("Comment on an issue")
            .Produces<CommentResponse>(StatusCodes.Status201Created).ProducesProblem(400);
        comments.MapPatch("{commentId:guid}", CommentEndpoints.EditComment).WithName("EditIssueComment").WithSummary("Edit a comment")
            .Produces<CommentResponse>().ProducesProblem(400);
        comments.MapDelete("{commentId:guid}", CommentEndpoints.DeleteComment).WithName("DeleteIssueComment").WithSummary("Delete a comment")
            .Produces<DeletedResponse>();
    }
}
