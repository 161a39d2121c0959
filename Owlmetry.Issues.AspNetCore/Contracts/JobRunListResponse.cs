namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record JobRunListResponse(IReadOnlyList<JobRunResponse> JobRuns, string? Cursor, bool HasMore);
