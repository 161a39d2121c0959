using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Querying;

/// <summary>An issue with a page of its occurrences, its comments and its attachments.</summary>
/// <param name="Item">The issue and its names.</param>
/// <param name="Occurrences">A page of occurrences, newest first.</param>
/// <param name="OccurrenceCursor">The cursor of the next occurrence page, or null.</param>
/// <param name="OccurrenceHasMore">Whether more occurrences follow.</param>
/// <param name="Comments">The non-deleted comments, oldest first.</param>
/// <param name="Attachments">The newest non-deleted attachments linked to the issue (at most 100).</param>
public sealed record IssueDetail(
    IssueListItem Item,
    IReadOnlyList<IssueOccurrence> Occurrences,
    string? OccurrenceCursor,
    bool OccurrenceHasMore,
    IReadOnlyList<IssueComment> Comments,
    IReadOnlyList<IssueAttachment> Attachments);
