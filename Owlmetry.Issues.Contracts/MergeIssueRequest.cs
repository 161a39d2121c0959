namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a merge.</summary>
/// <param name="SourceIssueId">The issue to merge into the one in the path (a UUID).</param>
public sealed record MergeIssueRequest(string? SourceIssueId);
