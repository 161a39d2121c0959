using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>An attachment with its signed download link, which is null until the bytes are uploaded.</summary>
public sealed record AttachmentDetailResponse : AttachmentItemResponse
{
    /// <summary>Creates an empty response, for deserialization.</summary>
    public AttachmentDetailResponse()
    {
    }

    /// <summary>Creates the detail of an attachment.</summary>
    /// <param name="item">The attachment's fields.</param>
    /// <param name="downloadUrl">The signed download link; null until the bytes are uploaded.</param>
    [SetsRequiredMembers]
    public AttachmentDetailResponse(AttachmentItemResponse item, AttachmentDownloadUrlResponse? downloadUrl)
        : base(item ?? throw new ArgumentNullException(nameof(item)))
    {
        DownloadUrl = downloadUrl;
    }

    // System.Text.Json writes a derived type's own properties first; the order keeps the link after the item's fields.
    /// <summary>The signed download link; null until the bytes are uploaded.</summary>
    [JsonPropertyOrder(1)]
    public required AttachmentDownloadUrlResponse? DownloadUrl { get; init; }
}
