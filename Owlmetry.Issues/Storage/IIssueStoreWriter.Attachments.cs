namespace Owlmetry.Issues.Storage;

/// <summary>The writes of attachments beyond <see cref="IIssueStoreWriter.UpsertAttachmentAsync"/>: purging.</summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Removes an attachment row for good (the cleanup's purge); nothing happens when it does not exist.</summary>
    ValueTask DeleteAttachmentAsync(Guid attachmentId);
}
