using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues.Contracts;

/// <summary>An issue with a page of occurrences, its comments and its newest attachments.</summary>
public sealed class IssueDetailResponse : IssueResponse
{
    /// <summary>Creates an empty response, for deserialization.</summary>
    public IssueDetailResponse()
    {
    }

    /// <summary>Creates the detail of an issue.</summary>
    /// <param name="issue">The issue's fields.</param>
    /// <param name="occurrences">A page of occurrences, newest first.</param>
    /// <param name="occurrenceCursor">The cursor of the next occurrence page, or null.</param>
    /// <param name="occurrenceHasMore">Whether more occurrences follow.</param>
    /// <param name="comments">Non-deleted comments, oldest first.</param>
    /// <param name="attachments">Up to 100 non-deleted attachments, newest first.</param>
    [SetsRequiredMembers]
    public IssueDetailResponse(
        IssueResponse issue,
        IReadOnlyList<OccurrenceResponse> occurrences,
        string? occurrenceCursor,
        bool occurrenceHasMore,
        IReadOnlyList<CommentResponse> comments,
        IReadOnlyList<AttachmentResponse> attachments)
        : base(issue)
    {
        Occurrences = occurrences;
        OccurrenceCursor = occurrenceCursor;
        OccurrenceHasMore = occurrenceHasMore;
        Comments = comments;
        Attachments = attachments;
    }

    /// <summary>Occurrences, newest first.</summary>
    public required IReadOnlyList<OccurrenceResponse> Occurrences { get; init; }

    /// <summary>The cursor of the next occurrence page, or null.</summary>
    public required string? OccurrenceCursor { get; init; }

    /// <summary>Whether more occurrences follow.</summary>
    public required bool OccurrenceHasMore { get; init; }

    /// <summary>Non-deleted comments, oldest first.</summary>
    public required IReadOnlyList<CommentResponse> Comments { get; init; }

    /// <summary>Up to 100 non-deleted attachments, newest first.</summary>
    public required IReadOnlyList<AttachmentResponse> Attachments { get; init; }
}
