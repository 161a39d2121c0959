namespace Owlmetry.Issues.Host.Contracts;

public sealed record MergeIssueRequest(string? SourceIssueId);
