namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record AttachmentListResponse(IReadOnlyList<AttachmentItemResponse> Attachments, string? Cursor, bool HasMore);
