using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>An issue list read page by page through its cursors.</summary>
/// <param name="Items">The issues of every page, in order.</param>
/// <param name="PageSizes">How many issues each page held.</param>
internal sealed record IssueWalk(IReadOnlyList<IssueListItem> Items, IReadOnlyList<int> PageSizes);
