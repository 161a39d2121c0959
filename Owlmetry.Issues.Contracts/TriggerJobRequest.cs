namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a job trigger.</summary>
/// <param name="JobType">The job to run; only <c>issue_scan</c>.</param>
public sealed record TriggerJobRequest(string? JobType);
