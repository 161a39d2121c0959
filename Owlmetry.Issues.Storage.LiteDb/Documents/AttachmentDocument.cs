namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>
/// The stored shape of an <see cref="IssueAttachment"/>. <see cref="ListKey"/> orders the attachments linked to
/// an issue by creation; it is null while the attachment is not linked to any issue.
/// </summary>
internal sealed class AttachmentDocument
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid? IssueId { get; set; }

    public Guid EventId { get; set; }

    public string OriginalFilename { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    public long? UploadedAt { get; set; }

    public long CreatedAt { get; set; }

    public long? DeletedAt { get; set; }

    public string? ListKey { get; set; }

    public static AttachmentDocument From(IssueAttachment attachment) => new()
    {
        Id = attachment.Id,
        ProjectId = attachment.ProjectId,
        IssueId = attachment.IssueId,
        EventId = attachment.EventId,
        OriginalFilename = attachment.OriginalFilename,
        ContentType = attachment.ContentType,
        SizeBytes = attachment.SizeBytes,
        UploadedAt = UnixTime.From(attachment.UploadedAt),
        CreatedAt = UnixTime.From(attachment.CreatedAt),
        DeletedAt = UnixTime.From(attachment.DeletedAt),
        ListKey = attachment.IssueId is { } issueId
            ? StorageKeys.IssueRow(issueId, new KeysetKey(UnixTime.From(attachment.CreatedAt), attachment.Id))
            : null,
    };

    public IssueAttachment ToAttachment() => new()
    {
        Id = Id,
        ProjectId = ProjectId,
        IssueId = IssueId,
        EventId = EventId,
        OriginalFilename = OriginalFilename,
        ContentType = ContentType,
        SizeBytes = SizeBytes,
        UploadedAt = UnixTime.ToTime(UploadedAt),
        CreatedAt = UnixTime.ToTime(CreatedAt),
        DeletedAt = UnixTime.ToTime(DeletedAt),
    };
}
