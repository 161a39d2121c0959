using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// The stored shape of an <see cref="IssueAttachment"/>. <see cref="ListKey"/> orders the attachments linked to
/// an issue by creation and is null while the attachment is not linked; <see cref="ProjectKey"/> orders a
/// project's attachments the same way; <see cref="PendingSince"/> is the creation time of a reservation whose
/// bytes never arrived (null once uploaded), which the cleanup finds abandoned reservations by.
/// </summary>
internal sealed class AttachmentDocument
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid AppId { get; set; }

    public Guid? IssueId { get; set; }

    public Guid ClientEventId { get; set; }

    public Guid? EventId { get; set; }

    public string? UserId { get; set; }

    public bool IsDev { get; set; }

    public string OriginalFilename { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = "";

    public long? UploadedAt { get; set; }

    public long CreatedAt { get; set; }

    public long? DeletedAt { get; set; }

    public string? ListKey { get; set; }

    public string ProjectKey { get; set; } = "";

    public long? PendingSince { get; set; }

    public static AttachmentDocument From(IssueAttachment attachment)
    {
        var key = new KeysetKey(UnixTime.From(attachment.CreatedAt), attachment.Id);
        return new AttachmentDocument
        {
            Id = attachment.Id,
            ProjectId = attachment.ProjectId,
            AppId = attachment.AppId,
            IssueId = attachment.IssueId,
            ClientEventId = attachment.ClientEventId,
            EventId = attachment.EventId,
            UserId = attachment.UserId,
            IsDev = attachment.IsDev,
            OriginalFilename = attachment.OriginalFilename,
            ContentType = attachment.ContentType,
            SizeBytes = attachment.SizeBytes,
            Sha256 = attachment.Sha256,
            UploadedAt = UnixTime.From(attachment.UploadedAt),
            CreatedAt = UnixTime.From(attachment.CreatedAt),
            DeletedAt = UnixTime.From(attachment.DeletedAt),
            ListKey = attachment.IssueId is { } issueId ? StorageKeys.IssueRow(issueId, key) : null,
            ProjectKey = StorageKeys.ProjectRow(attachment.ProjectId, key),
            PendingSince = attachment.IsUploaded ? null : UnixTime.From(attachment.CreatedAt),
        };
    }

    public IssueAttachment ToAttachment() => new()
    {
        Id = Id,
        ProjectId = ProjectId,
        AppId = AppId,
        IssueId = IssueId,
        ClientEventId = ClientEventId,
        EventId = EventId,
        UserId = UserId,
        IsDev = IsDev,
        OriginalFilename = OriginalFilename,
        ContentType = ContentType,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        UploadedAt = UnixTime.ToTime(UploadedAt),
        CreatedAt = UnixTime.ToTime(CreatedAt),
        DeletedAt = UnixTime.ToTime(DeletedAt),
    };

    /// <summary>The byte counters this row adds to while it is not deleted: its project's, and its user's.</summary>
    public IEnumerable<(string Key, long Bytes)> Usage()
    {
        if (DeletedAt is not null)
        {
            yield break;
        }

        yield return (StorageKeys.ProjectUsage(ProjectId), SizeBytes);
        if (UserId is not null)
        {
            yield return (StorageKeys.UserUsage(ProjectId, UserId), SizeBytes);
        }
    }
}
