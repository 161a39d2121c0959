using Owlmetry.Issues.Access;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Attachments;

internal sealed partial class AttachmentService
{
    private const string CursorScope = "attachments";

    public async Task<IssueResult<AttachmentPage>> ListAsync(Actor actor, AttachmentQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Has(IssuePermissions.EventsRead))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsRead);
        }

        var after = KeysetCursor.Parse(query.Cursor, CursorScope);
        if (!after.IsSuccess)
        {
            return after.Error;
        }

        var projectIds = await ProjectsToListAsync(actor, query, ct).ConfigureAwait(false);
        if (!projectIds.IsSuccess)
        {
            return projectIds.Error;
        }

        var limit = _issuesOptions.ClampPageSize(query.Limit);
        var filter = new AttachmentListFilter(projectIds.Value, query.IssueId, query.EventId, query.ClientEventId);
        var rows = filter.ProjectIds.Count == 0
            ? []
            : await store.ReadAsync(r => r.ListAttachmentsAsync(filter, after.Value, limit + 1), ct).ConfigureAwait(false);
        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        var next = hasMore ? KeysetCursor.Encode(CursorScope, new KeysetKey(page[^1].CreatedAt.ToUnixTimeMilliseconds(), page[^1].Id)) : null;
        return new AttachmentPage(page, next, hasMore);
    }

    public async Task<IssueResult<AttachmentDetail>> GetAsync(Actor actor, Guid attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(IssuePermissions.EventsRead))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsRead);
        }

        var found = await FindVisibleAsync(actor, attachmentId, ct).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var attachment = found.Value.Attachment;
        if (!attachment.IsUploaded)
        {
            return new AttachmentDetail(attachment, null, null);
        }

        var expiresAt = timeProvider.GetUtcNowMilliseconds() + _options.DownloadLinkLifetime;
        return new AttachmentDetail(attachment, signer.Sign(attachment.Id, expiresAt), expiresAt);
    }

    public async Task<IssueResult<AttachmentContent>> OpenDownloadAsync(string? token, CancellationToken ct = default)
    {
        // The reference's answers: a missing token, and one that is malformed, tampered with or expired, are both 401.
        if (string.IsNullOrEmpty(token))
        {
            return IssueError.Unauthenticated("Missing download token");
        }

        if (signer.Check(token, timeProvider.GetUtcNow(), out var attachmentId) != DownloadTokenCheck.Valid)
        {
            return IssueError.Unauthenticated("Invalid or expired download token");
        }

        var attachment = await store.ReadAsync(r => r.FindAttachmentAsync(attachmentId), ct).ConfigureAwait(false);
        if (attachment is null || attachment.DeletedAt is not null || !attachment.IsUploaded)
        {
            return s_attachmentNotFound;
        }

        var content = await blobs.OpenReadAsync(attachmentId, ct).ConfigureAwait(false);
        return content is null ? s_attachmentNotFound : new AttachmentContent(attachment, content);
    }

    /// <summary>
    /// The projects a list covers: the given project, the project of the given issue (which must match a given
    /// project), or every project of the actor's teams. A project or issue the actor cannot see is "not found".
    /// </summary>
    private async Task<IssueResult<IReadOnlyCollection<Guid>>> ProjectsToListAsync(Actor actor, AttachmentQuery query, CancellationToken ct)
    {
        if (query.ProjectId is { } projectId && await VisibleProjectAsync(actor, projectId, ct).ConfigureAwait(false) is null)
        {
            return s_projectNotFound;
        }

        if (query.IssueId is { } issueId)
        {
            var issue = await store.ReadAsync(r => r.FindIssueAsync(issueId), ct).ConfigureAwait(false);
            var visible = issue is not null && (query.ProjectId is null || issue.ProjectId == query.ProjectId)
                && await VisibleProjectAsync(actor, issue.ProjectId, ct).ConfigureAwait(false) is not null;
            return visible ? new[] { issue!.ProjectId } : s_issueNotFound;
        }

        if (query.ProjectId is { } onlyProject)
        {
            return new[] { onlyProject };
        }

        var projects = await directory.ListProjectsAsync([.. actor.Teams.Keys], ct).ConfigureAwait(false);
        return projects.Select(p => p.Id).ToList();
    }
}
