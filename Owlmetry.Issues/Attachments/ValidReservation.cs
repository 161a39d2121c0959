namespace Owlmetry.Issues.Attachments;

/// <summary>A reservation request that passed every check of <see cref="AttachmentRules"/>.</summary>
internal sealed record ValidReservation(
    Guid ClientEventId, string OriginalFilename, string ContentType, long SizeBytes, string Sha256, string? UserId, bool IsDev);
