using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Host.Contracts;

/// <summary>An attachment with its signed download link; both link fields are null until the bytes are uploaded.</summary>
public sealed record AttachmentDetailResponse : AttachmentItemResponse
{
    [SetsRequiredMembers]
    private AttachmentDetailResponse(IssueAttachment a, string? downloadUrl, DateTimeOffset? downloadUrlExpiresAt)
        : base(a)
    {
        DownloadUrl = downloadUrl;
        DownloadUrlExpiresAt = downloadUrlExpiresAt;
    }

    // System.Text.Json writes a derived type's own properties first; the order keeps the link after the item's fields.
    [JsonPropertyOrder(1)]
    public required string? DownloadUrl { get; init; }

    [JsonPropertyOrder(1)]
    public required DateTimeOffset? DownloadUrlExpiresAt { get; init; }

    public static AttachmentDetailResponse From(IssueAttachment a, string? downloadUrl, DateTimeOffset? expiresAt) =>
        new(a, downloadUrl, expiresAt);
}
