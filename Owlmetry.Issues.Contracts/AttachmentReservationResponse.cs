namespace Owlmetry.Issues.Contracts;

/// <summary>A reserved attachment: where to upload its bytes, and until when.</summary>
/// <param name="AttachmentId">The attachment.</param>
/// <param name="UploadUrl">Where to <c>PUT</c> the bytes.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record AttachmentReservationResponse(Guid AttachmentId, string UploadUrl, DateTimeOffset ExpiresAt);
