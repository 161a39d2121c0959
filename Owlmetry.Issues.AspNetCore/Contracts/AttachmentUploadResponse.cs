namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record AttachmentUploadResponse(Guid AttachmentId, long SizeBytes, string Sha256);
