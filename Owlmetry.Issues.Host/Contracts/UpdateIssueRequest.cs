namespace Owlmetry.Issues.Host.Contracts;

public sealed record UpdateIssueRequest(string? Status, string? ResolvedAtVersion = null);
