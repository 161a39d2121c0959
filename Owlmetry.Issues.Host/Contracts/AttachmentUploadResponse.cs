namespace Owlmetry.Issues.Host.Contracts;

public sealed record AttachmentUploadResponse(Guid AttachmentId, long SizeBytes, string Sha256);
