namespace Owlmetry.Issues.Host.Contracts;

/// <summary>An attachment as the attachment routes show it: the issue detail's fields and where it came from.</summary>
public sealed record AttachmentItemResponse(
    Guid Id,
    Guid ProjectId,
    Guid AppId,
    Guid? IssueId,
    Guid? EventId,
    Guid EventClientId,
    string? UserId,
    bool IsDev,
    string OriginalFilename,
    string ContentType,
    long SizeBytes,
    string Sha256,
    DateTimeOffset? UploadedAt,
    DateTimeOffset CreatedAt)
{
    public static AttachmentItemResponse From(IssueAttachment a) => new(
        a.Id, a.ProjectId, a.AppId, a.IssueId, a.EventId, a.ClientEventId, a.UserId, a.IsDev,
        a.OriginalFilename, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.CreatedAt);
}
