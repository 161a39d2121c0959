namespace Owlmetry.Issues.Contracts;

/// <summary>A page of a team's job runs.</summary>
/// <param name="JobRuns">The runs, newest first.</param>
/// <param name="Cursor">The cursor of the next page; null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record JobRunListResponse(IReadOnlyList<JobRunResponse> JobRuns, string? Cursor, bool HasMore);
