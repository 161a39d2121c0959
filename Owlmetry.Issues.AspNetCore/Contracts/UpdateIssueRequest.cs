namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record UpdateIssueRequest(string? Status, string? ResolvedAtVersion = null);
