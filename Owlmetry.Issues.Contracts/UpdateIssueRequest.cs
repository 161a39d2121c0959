namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a status change.</summary>
/// <param name="Status">The target status: <c>new</c>, <c>in_progress</c>, <c>resolved</c>, <c>silenced</c>, <c>regressed</c> or <c>snoozed</c>.</param>
/// <param name="ResolvedAtVersion">The app version that fixes the issue; required when resolving.</param>
public sealed record UpdateIssueRequest(string? Status, string? ResolvedAtVersion = null);
