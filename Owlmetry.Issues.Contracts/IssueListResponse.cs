namespace Owlmetry.Issues.Contracts;

/// <summary>A page of issues.</summary>
/// <param name="Issues">The issues of the page.</param>
/// <param name="Cursor">The cursor of the next page, or null.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record IssueListResponse(IReadOnlyList<IssueResponse> Issues, string? Cursor, bool HasMore);
