namespace Owlmetry.Issues.Contracts;

/// <summary>An uploaded attachment: its size and hash as the server measured them.</summary>
/// <param name="AttachmentId">The attachment.</param>
/// <param name="SizeBytes">The size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the bytes, as lowercase hex.</param>
public sealed record AttachmentUploadResponse(Guid AttachmentId, long SizeBytes, string Sha256);
