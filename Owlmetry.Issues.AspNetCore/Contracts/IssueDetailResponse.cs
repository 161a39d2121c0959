using System.Diagnostics.CodeAnalysis;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>An issue with a page of occurrences, its comments and its newest attachments.</summary>
public sealed class IssueDetailResponse : IssueResponse
{
    /// <summary>Creates an empty response, for deserialization.</summary>
    public IssueDetailResponse()
    {
    }

    /// <summary>Creates the response of an issue detail.</summary>
    [SetsRequiredMembers]
    public IssueDetailResponse(IssueDetail detail)
        : base((detail ?? throw new ArgumentNullException(nameof(detail))).Item)
    {
        Occurrences = detail.Occurrences.Select(IssueContracts.ToResponse).ToList();
        OccurrenceCursor = detail.OccurrenceCursor;
        OccurrenceHasMore = detail.OccurrenceHasMore;
        Comments = detail.Comments.Select(IssueContracts.ToResponse).ToList();
        Attachments = detail.Attachments.Select(IssueContracts.ToResponse).ToList();
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
