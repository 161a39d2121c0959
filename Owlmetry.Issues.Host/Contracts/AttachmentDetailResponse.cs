namespace Owlmetry.Issues.Host.Contracts;

/// <summary>An attachment with its signed download link; both link fields are null until the bytes are uploaded.</summary>
public sealed record AttachmentDetailResponse(
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
    DateTimeOffset CreatedAt,
    string? DownloadUrl,
    DateTimeOffset? DownloadUrlExpiresAt)
{
    public static AttachmentDetailResponse From(IssueAttachment a, string? downloadUrl, DateTimeOffset? expiresAt) => new(
        a.Id, a.ProjectId, a.AppId, a.IssueId, a.EventId, a.ClientEventId, a.UserId, a.IsDev,
        a.OriginalFilename, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.CreatedAt, downloadUrl, expiresAt);
}
