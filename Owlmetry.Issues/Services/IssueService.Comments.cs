using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Comments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Services;

internal sealed partial class IssueService
{
    private static readonly IssueError s_commentNotFound = IssueError.NotFound("Comment not found");

    public async Task<IssueResult<IReadOnlyList<IssueComment>>> ListCommentsAsync(Actor actor, Guid projectId, Guid issueId, CancellationToken ct = default)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Read, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var comments = await store.ReadAsync(
            async reader => InProject(await reader.FindIssueAsync(issueId).ConfigureAwait(false), projectId) is null ? null : await reader.ListCommentsAsync(issueId).ConfigureAwait(false),
            ct).ConfigureAwait(false);
        return comments is null ? s_issueNotFound : IssueResult<IReadOnlyList<IssueComment>>.Success(comments);
    }

    public async Task<IssueResult<IssueComment>> AddCommentAsync(Actor actor, Guid projectId, Guid issueId, string? body, CancellationToken ct = default)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Write, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var text = CommentRules.NormalizeBody(body);
        if (!text.IsSuccess)
        {
            return text.Error;
        }

        var now = timeProvider.GetUtcNowMilliseconds();
        return await store.WriteAsync(
            async writer =>
            {
                if (InProject(await writer.FindIssueAsync(issueId).ConfigureAwait(false), projectId) is not { } issue)
                {
                    return s_issueNotFound;
                }

                var comment = new IssueComment
                {
                    Id = TimeOrderedIds.New(now),
                    IssueId = issueId,
                    Author = actor.AsAuthor(),
                    Body = text.Value,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                await writer.InsertCommentAsync(comment).ConfigureAwait(false);
                await writer.UpdateIssueAsync(issue with { UpdatedAt = now }).ConfigureAwait(false);
                return IssueResult<IssueComment>.Success(comment);
            },
            ct).ConfigureAwait(false);
    }

    public async Task<IssueResult<IssueComment>> EditCommentAsync(
        Actor actor, Guid projectId, Guid issueId, Guid commentId, string? body, CancellationToken ct = default)
    {
        var text = CommentRules.NormalizeBody(body);
        return await ChangeCommentAsync(
            actor, projectId, issueId, commentId, AuditActions.CommentEdited, text.Error,
            (comment, _) => CommentRules.CanEdit(actor, comment) ? null : IssueError.Forbidden("Only the original author can edit this comment"),
            (comment, now) => comment with { Body = text.Value!, UpdatedAt = now },
            ct).ConfigureAwait(false);
    }

    public async Task<IssueResult<IssueComment>> DeleteCommentAsync(Actor actor, Guid projectId, Guid issueId, Guid commentId, CancellationToken ct = default) =>
        await ChangeCommentAsync(
            actor, projectId, issueId, commentId, AuditActions.CommentDeleted, invalidInput: null,
            (comment, teamId) => CommentRules.CanDelete(actor, comment, teamId) ? null : IssueError.Forbidden("Only the original author or a team admin can delete this comment"),
            (comment, now) => comment with { DeletedAt = now },
            ct).ConfigureAwait(false);

    /// <summary>
    /// The shared path of edit and delete, in the reference's order: the caller's access to the project, then the
    /// request's own input (<paramref name="invalidInput"/>), then the comment, which must be live and belong to the
    /// issue, and the issue to the project in the path (any of them missing is the comment not found, as the reference
    /// answers); then <paramref name="authorize"/> decides and <paramref name="change"/> applies, audited as
    /// <paramref name="action"/> in the same unit.
    /// </summary>
    private async Task<IssueResult<IssueComment>> ChangeCommentAsync(
        Actor actor, Guid projectId, Guid issueId, Guid commentId, string action, IssueError? invalidInput,
        Func<IssueComment, Guid, IssueError?> authorize,
        Func<IssueComment, DateTimeOffset, IssueComment> change,
        CancellationToken ct)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Write, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        if (invalidInput is not null)
        {
            return invalidInput;
        }

        var teamId = access.Value.TeamId;
        var now = timeProvider.GetUtcNowMilliseconds();
        return await store.WriteAsync(
            async writer =>
            {
                if (InProject(await writer.FindIssueAsync(issueId).ConfigureAwait(false), projectId) is not { } issue)
                {
                    return s_commentNotFound;
                }

                var comment = await writer.FindCommentAsync(commentId).ConfigureAwait(false);
                if (comment is null || comment.IssueId != issueId || comment.DeletedAt is not null)
                {
                    return s_commentNotFound;
                }

                if (authorize(comment, teamId) is { } refusal)
                {
                    return refusal;
                }

                var changed = change(comment, now);
                await writer.UpdateCommentAsync(changed).ConfigureAwait(false);
                await writer.AppendAuditAsync(CommentAudit(actor, issue, comment.Id, action, now)).ConfigureAwait(false);
                return IssueResult<IssueComment>.Success(changed);
            },
            ct).ConfigureAwait(false);
    }

    private static AuditRecord CommentAudit(Actor actor, Issue issue, Guid commentId, string action, DateTimeOffset now) => new()
    {
        Id = TimeOrderedIds.New(now),
        ProjectId = issue.ProjectId,
        IssueId = issue.Id,
        ActorKind = actor.Kind,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Action = action,
        FromStatus = issue.Status,
        ToStatus = issue.Status,
        FromResolvedAtVersion = issue.ResolvedAtVersion,
        ToResolvedAtVersion = issue.ResolvedAtVersion,
        CommentId = commentId,
        CreatedAt = now,
    };
}
