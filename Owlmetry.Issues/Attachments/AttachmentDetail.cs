using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Attachments;

/// <summary>An attachment and, once its bytes are uploaded, a short-lived signed download token.</summary>
/// <param name="Attachment">The attachment.</param>
/// <param name="DownloadToken">The token for <see cref="IAttachmentService.OpenDownloadAsync"/>; null while not uploaded.</param>
/// <param name="DownloadExpiresAt">When the token stops working; null while not uploaded.</param>
public sealed record AttachmentDetail(IssueAttachment Attachment, string? DownloadToken, DateTimeOffset? DownloadExpiresAt);
