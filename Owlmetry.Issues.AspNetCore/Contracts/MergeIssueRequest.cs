namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record MergeIssueRequest(string? SourceIssueId);
