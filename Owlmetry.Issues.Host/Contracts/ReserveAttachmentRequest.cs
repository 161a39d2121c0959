namespace Owlmetry.Issues.Host.Contracts;

public sealed record ReserveAttachmentRequest(
    string? ClientEventId, string? OriginalFilename, string? ContentType, long? SizeBytes, string? Sha256, string? UserId, bool? IsDev)
{
    public AttachmentReservationRequest ToLibrary() => new()
    {
        ClientEventId = ClientEventId,
        OriginalFilename = OriginalFilename,
        ContentType = ContentType,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        UserId = UserId,
        IsDev = IsDev,
    };
}
