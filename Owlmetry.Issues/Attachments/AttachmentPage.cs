using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Attachments;

/// <summary>One page of an attachment list, newest first (created_at, then id).</summary>
/// <param name="Attachments">The attachments of the page.</param>
/// <param name="Cursor">The cursor of the next page, or null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record AttachmentPage(IReadOnlyList<IssueAttachment> Attachments, string? Cursor, bool HasMore);
