namespace Owlmetry.Issues.Domain;

/// <summary>
/// A file an SDK uploads for a failed event (CONTRACT §8). It is reserved first, with its declared size and
/// SHA-256, and counts as uploaded once bytes matching both are stored. It reaches an issue through its event:
/// <see cref="IssueId"/> is set when the event lands on an issue, and follows that issue through merges.
/// </summary>
public sealed record IssueAttachment
{
    /// <summary>The attachment id; the only name its bytes are stored under.</summary>
    public required Guid Id { get; init; }

    /// <summary>The project the attachment belongs to.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The app whose client key reserved it.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The issue the attachment's event landed on; null until its event is scanned.</summary>
    public Guid? IssueId { get; init; }

    /// <summary>The SDK's id of the event the file belongs to (<c>client_event_id</c>).</summary>
    public required Guid ClientEventId { get; init; }

    /// <summary>The server's id of that event; null until the event is scanned.</summary>
    public Guid? EventId { get; init; }

    /// <summary>The end user the SDK reported, whose quota the attachment counts against.</summary>
    public string? UserId { get; init; }

    /// <summary>Whether the app ran in development mode.</summary>
    public bool IsDev { get; init; }

    /// <summary>The file name the SDK reported (no path, 1..255 characters).</summary>
    public required string OriginalFilename { get; init; }

    /// <summary>The declared media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>The declared size in bytes; an upload must match it exactly.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>The declared SHA-256 of the bytes, 64 lowercase hex digits; an upload must match it.</summary>
    public required string Sha256 { get; init; }

    /// <summary>When the bytes finished uploading; null while only reserved.</summary>
    public DateTimeOffset? UploadedAt { get; init; }

    /// <summary>When the attachment was reserved.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the attachment was soft-deleted; deleted attachments are hidden and later purged.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Whether the bytes are stored (<see cref="UploadedAt"/> is set).</summary>
    public bool IsUploaded => UploadedAt is not null;
}
