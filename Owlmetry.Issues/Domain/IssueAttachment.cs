namespace Owlmetry.Issues;

/// <summary>A file uploaded with a failed event, as far as an issue needs to know it.</summary>
public sealed record IssueAttachment
{
    /// <summary>The attachment id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The project the attachment belongs to.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The issue the attachment's event landed on; null until the scan links it.</summary>
    public Guid? IssueId { get; init; }

    /// <summary>The event the attachment was uploaded with.</summary>
    public required Guid EventId { get; init; }

    /// <summary>The file name the SDK reported.</summary>
    public required string OriginalFilename { get; init; }

    /// <summary>The declared media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>When the bytes finished uploading; null while only reserved.</summary>
    public DateTimeOffset? UploadedAt { get; init; }

    /// <summary>When the attachment was reserved.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the attachment was soft-deleted; deleted attachments are hidden from issues.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
}
