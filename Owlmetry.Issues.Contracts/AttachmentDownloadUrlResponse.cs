namespace Owlmetry.Issues.Contracts;

/// <summary>The reference's signed download link: where, until when, and what the download will be.</summary>
public sealed record AttachmentDownloadUrlResponse(string Url, DateTimeOffset ExpiresAt, string OriginalFilename, string ContentType, long SizeBytes);
