namespace Owlmetry.Issues.Contracts;

/// <summary>A page of attachments.</summary>
/// <param name="Attachments">The attachments.</param>
/// <param name="Cursor">The cursor of the next page; null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record AttachmentListResponse(IReadOnlyList<AttachmentItemResponse> Attachments, string? Cursor, bool HasMore);
