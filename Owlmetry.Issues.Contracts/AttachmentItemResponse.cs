namespace Owlmetry.Issues.Contracts;

/// <summary>An attachment as the attachment routes show it: the issue detail's fields and where it came from.</summary>
public record AttachmentItemResponse
{
    /// <summary>The id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The project.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The app that sent it.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The issue it belongs to, once the scan has placed its event.</summary>
    public required Guid? IssueId { get; init; }

    /// <summary>The stored event it belongs to, once known.</summary>
    public required Guid? EventId { get; init; }

    /// <summary>The <c>client_event_id</c> of the event the SDK sent it with.</summary>
    public required Guid EventClientId { get; init; }

    /// <summary>The app user the SDK named, if any.</summary>
    public required string? UserId { get; init; }

    /// <summary>Whether it came from a development build.</summary>
    public required bool IsDev { get; init; }

    /// <summary>The file's name as the SDK sent it.</summary>
    public required string OriginalFilename { get; init; }

    /// <summary>The declared content type.</summary>
    public required string ContentType { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>The SHA-256 of the bytes, as lowercase hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>When the bytes arrived; null until then.</summary>
    public required DateTimeOffset? UploadedAt { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
