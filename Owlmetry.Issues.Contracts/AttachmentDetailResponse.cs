using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>An attachment with its signed download link, which is left out until the bytes are uploaded.</summary>
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
    // Left out, not null, until the bytes are uploaded: the reference omits it.
    /// <summary>The signed download link; null (and absent from the JSON) until the bytes are uploaded.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AttachmentDownloadUrlResponse? DownloadUrl { get; init; }
}
