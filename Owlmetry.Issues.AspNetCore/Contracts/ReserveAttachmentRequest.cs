namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record ReserveAttachmentRequest(
    string? ClientEventId, string? OriginalFilename, string? ContentType, long? SizeBytes, string? Sha256, string? UserId = null, bool? IsDev = null)
{
    /// <summary>The library checks every field, a missing body included (then every field is missing).</summary>
    public static AttachmentReservationRequest ToLibrary(ReserveAttachmentRequest? body) => body is null ? new() : new()
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
