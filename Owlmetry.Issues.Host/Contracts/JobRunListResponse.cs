namespace Owlmetry.Issues.Host.Contracts;

public sealed record JobRunListResponse(IReadOnlyList<JobRunResponse> JobRuns, string? Cursor, bool HasMore);
