using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader
{
    public IssueAttachment? FindAttachment(Guid attachmentId) => Data.Attachments.GetValueOrDefault(attachmentId);

    public IReadOnlyList<IssueAttachment> ListAttachments(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Data.Attachments.Values
            .Where(filter.Matches)
            .Select(attachment => (Attachment: attachment, Key: KeyOf(attachment)))
            .Where(row => row.Key.IsAfter(after))
            .OrderByDescending(row => row.Key)
            .Take(take)
            .Select(row => row.Attachment)
            .ToList();
    }

    public IReadOnlyList<IssueAttachment> ListAttachmentsOfClientEvent(Guid appId, Guid clientEventId) =>
        Data.Attachments.Values.Where(a => a.AppId == appId && a.ClientEventId == clientEventId).ToList();

    // Summed on demand: the in-memory store is for tests and small hosts, where a pass over the rows is cheap.
    public long GetProjectAttachmentBytes(Guid projectId) =>
        Data.Attachments.Values.Where(a => a.ProjectId == projectId && a.DeletedAt is null).Sum(a => a.SizeBytes);

    public long GetUserAttachmentBytes(Guid projectId, string userId) =>
        Data.Attachments.Values.Where(a => a.ProjectId == projectId && a.UserId == userId && a.DeletedAt is null).Sum(a => a.SizeBytes);

    public IReadOnlyList<IssueAttachment> ListAttachmentsToPurge(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take) =>
        Data.Attachments.Values
            .Where(a => a.DeletedAt < deletedBefore || (!a.IsUploaded && a.CreatedAt < reservedBefore))
            .OrderBy(a => a.Id)
            .Take(take)
            .ToList();

    private static KeysetKey KeyOf(IssueAttachment attachment) => new(attachment.CreatedAt.ToUnixTimeMilliseconds(), attachment.Id);
}
