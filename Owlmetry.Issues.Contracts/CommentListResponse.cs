namespace Owlmetry.Issues.Contracts;

/// <summary>The comments of an issue, oldest first.</summary>
/// <param name="Comments">The non-deleted comments.</param>
public sealed record CommentListResponse(IReadOnlyList<CommentResponse> Comments);
