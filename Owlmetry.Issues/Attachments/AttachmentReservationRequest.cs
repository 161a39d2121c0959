namespace Owlmetry.Issues.Attachments;

/// <summary>
/// What an SDK declares when it reserves an attachment (<c>POST /v1/ingest/attachment</c>), as sent: every field is
/// checked by the library, so a host passes the body through without its own validation.
/// </summary>
public sealed record AttachmentReservationRequest
{
    /// <summary>The SDK's id of the event the file belongs to (a UUID). Required.</summary>
    public string? ClientEventId { get; init; }

    /// <summary>The file name, without a path, 1..255 characters. Required.</summary>
    public string? OriginalFilename { get; init; }

    /// <summary>The media type, <c>type/subtype</c> with optional parameters, at most 255 characters. Required.</summary>
    public string? ContentType { get; init; }

    /// <summary>The exact size in bytes, positive and at most <see cref="AttachmentOptions.MaxAttachmentBytes"/>. Required.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>The SHA-256 of the bytes as 64 lowercase hex digits. Required.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The end user, at most 255 characters; the per-user quota applies to them.</summary>
    public string? UserId { get; init; }

    /// <summary>Whether the app ran in development mode; false when null.</summary>
    public bool? IsDev { get; init; }
}
