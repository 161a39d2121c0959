namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record AttachmentReservationResponse(Guid AttachmentId, string UploadUrl, DateTimeOffset ExpiresAt);
