namespace Owlmetry.Issues.Host.Contracts;

public sealed record AttachmentReservationResponse(Guid AttachmentId, string UploadUrl, DateTimeOffset ExpiresAt);
