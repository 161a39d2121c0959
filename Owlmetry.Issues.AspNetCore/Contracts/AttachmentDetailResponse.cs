using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>An attachment with its signed download link, which is null until the bytes are uploaded.</summary>
public sealed record AttachmentDetailResponse : AttachmentItemResponse
{
    [SetsRequiredMembers]
    private AttachmentDetailResponse(IssueAttachment a, AttachmentDownloadUrlResponse? downloadUrl)
        : base(a)
    {
        DownloadUrl = downloadUrl;
    }

    // System.Text.Json writes a derived type's own properties first; the order keeps the link after the item's fields.
    /// <summary>The signed download link; null until the bytes are uploaded.</summary>
    [JsonPropertyOrder(1)]
    public required AttachmentDownloadUrlResponse? DownloadUrl { get; init; }

    /// <summary>The response of the library's value.</summary>
    public static AttachmentDetailResponse From(IssueAttachment a, string? downloadUrl, DateTimeOffset? expiresAt) =>
        new(a, downloadUrl is not null && expiresAt is { } expires
            ? new AttachmentDownloadUrlResponse(downloadUrl, expires, a.OriginalFilename, a.ContentType, a.SizeBytes)
            : null);
}
