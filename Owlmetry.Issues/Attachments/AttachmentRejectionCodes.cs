namespace Owlmetry.Issues.Attachments;

/// <summary>
/// The Owlmetry reference's codes for a refused attachment reservation or upload (its <c>AttachmentRejectionCode</c>),
/// carried as <see cref="Errors.IssueError.Code"/>: SDKs read them to decide whether to drop the file, retry or stop.
/// </summary>
internal static class AttachmentRejectionCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string DisallowedContentType = "disallowed_content_type";
    public const string QuotaExhausted = "quota_exhausted";
    public const string UserQuotaExhausted = "user_quota_exhausted";
    public const string SizeMismatch = "size_mismatch";
    public const string HashMismatch = "hash_mismatch";
    public const string AlreadyUploaded = "already_uploaded";
}
