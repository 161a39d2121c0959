namespace Owlmetry.Issues.Contracts;

/// <summary>An attachment of an event; <c>uploaded_at</c> is null while its bytes have not arrived.</summary>
/// <param name="Id">The attachment.</param>
/// <param name="OriginalFilename">The file's name.</param>
/// <param name="ContentType">The declared content type.</param>
/// <param name="SizeBytes">The size in bytes.</param>
/// <param name="UploadedAt">When the bytes arrived; null until then.</param>
public sealed record EventAttachmentResponse(Guid Id, string OriginalFilename, string ContentType, long SizeBytes, DateTimeOffset? UploadedAt);
