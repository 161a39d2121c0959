using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// Which attachments a store lists: uploaded, non-deleted attachments of the given projects, narrowed by the
/// optional filters.
/// </summary>
/// <param name="ProjectIds">The projects to list; an empty set lists nothing.</param>
/// <param name="IssueId">Only attachments linked to this issue.</param>
/// <param name="EventId">Only attachments of the event with this server id.</param>
/// <param name="ClientEventId">Only attachments of the event with this SDK id (<c>client_event_id</c>).</param>
public sealed record AttachmentListFilter(
    IReadOnlyCollection<Guid> ProjectIds, Guid? IssueId = null, Guid? EventId = null, Guid? ClientEventId = null)
{
    /// <summary>Whether <paramref name="attachment"/> passes the filter.</summary>
    public bool Matches(IssueAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.IsUploaded
            && attachment.DeletedAt is null
            && ProjectIds.Contains(attachment.ProjectId)
            && (IssueId is not { } issueId || attachment.IssueId == issueId)
            && (EventId is not { } eventId || attachment.EventId == eventId)
            && (ClientEventId is not { } clientEventId || attachment.ClientEventId == clientEventId);
    }
}
