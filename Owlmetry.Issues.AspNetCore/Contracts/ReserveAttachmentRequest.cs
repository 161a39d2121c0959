using Owlmetry.Issues.Attachments;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>The body of an attachment reservation: the file the SDK is about to upload and the event it belongs to.</summary>
/// <param name="ClientEventId">The <c>client_event_id</c> of the event the file belongs to.</param>
/// <param name="OriginalFilename">The file's name.</param>
/// <param name="ContentType">The file's content type.</param>
/// <param name="SizeBytes">The file's exact size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the file, as hex.</param>
/// <param name="UserId">The app user, if any.</param>
/// <param name="IsDev">Whether the app is a development build.</param>
public sealed record ReserveAttachmentRequest(
    string? ClientEventId, string? OriginalFilename, string? ContentType, long? SizeBytes, string? Sha256, string? UserId = null, bool? IsDev = null)
{
    /// <summary>The library checks every field, a missing body included (then every field is missing).</summary>
    internal static AttachmentReservationRequest ToLibrary(ReserveAttachmentRequest? body) => body is null ? new() : new()
    {
        ClientEventId = body.ClientEventId,
        OriginalFilename = body.OriginalFilename,
        ContentType = body.ContentType,
        SizeBytes = body.SizeBytes,
        Sha256 = body.Sha256,
        UserId = body.UserId,
        IsDev = body.IsDev,
    };
}
