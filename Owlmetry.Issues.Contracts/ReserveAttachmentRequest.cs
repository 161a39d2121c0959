namespace Owlmetry.Issues.Contracts;

/// <summary>The body of an attachment reservation: the file the SDK is about to upload and the event it belongs to.</summary>
/// <param name="ClientEventId">The <c>client_event_id</c> of the event the file belongs to.</param>
/// <param name="OriginalFilename">The file's name.</param>
/// <param name="ContentType">The file's content type.</param>
/// <param name="SizeBytes">The file's exact size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the file, as hex.</param>
/// <param name="UserId">The app user, if any.</param>
/// <param name="IsDev">Whether the app is a development build.</param>
public sealed record ReserveAttachmentRequest(
    string? ClientEventId, string? OriginalFilename, string? ContentType, long? SizeBytes, string? Sha256, string? UserId = null, bool? IsDev = null);
