namespace Owlmetry.Issues.Host.Contracts;

public sealed record AttachmentListResponse(IReadOnlyList<AttachmentItemResponse> Attachments, string? Cursor, bool HasMore);
