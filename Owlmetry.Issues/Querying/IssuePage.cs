namespace Owlmetry.Issues.Querying;

/// <summary>One page of an issue list.</summary>
/// <param name="Issues">The issues of the page, in the list's order.</param>
/// <param name="Cursor">The cursor of the next page, or null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record IssuePage(IReadOnlyList<IssueListItem> Issues, string? Cursor, bool HasMore);
