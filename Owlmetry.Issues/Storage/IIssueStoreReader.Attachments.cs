using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads of attachments: lookups, lists, quota usage and what the cleanup purges.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>The attachment with <paramref name="attachmentId"/>, including a soft-deleted or merely reserved one, or null.</summary>
    ValueTask<IssueAttachment?> FindAttachmentAsync(Guid attachmentId);

    /// <summary>
    /// Up to <paramref name="take"/> attachments passing <paramref name="filter"/> (uploaded and not deleted),
    /// newest first (created_at, then id, descending), strictly after <paramref name="after"/> when given.
    /// </summary>
    ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsAsync(AttachmentListFilter filter, KeysetKey? after, int take);

    /// <summary>Every attachment, reserved or deleted ones included, of the event an app sent with <paramref name="clientEventId"/>.</summary>
    ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsOfClientEventAsync(Guid appId, Guid clientEventId);

    /// <summary>The declared bytes of a project's attachments that are not deleted (reserved ones included).</summary>
    ValueTask<long> GetProjectAttachmentBytesAsync(Guid projectId);

    /// <summary>The declared bytes of the attachments of one end user of a project that are not deleted (reserved ones included).</summary>
    ValueTask<long> GetUserAttachmentBytesAsync(Guid projectId, string userId);

    /// <summary>
    /// Up to <paramref name="take"/> attachments the cleanup may purge: soft-deleted before
    /// <paramref name="deletedBefore"/>, or reserved before <paramref name="reservedBefore"/> and never uploaded.
    /// </summary>
    ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsToPurgeAsync(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take);

}
