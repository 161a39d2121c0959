namespace Owlmetry.Issues.Contracts;

/// <summary>
/// <c>GET …/issues/:issueId/overview</c>: the status changes allowed now, occurrences per day over 14 days, their split
/// by app version, environment and country, and the issue's audit trail.
/// </summary>
/// <param name="IssueId">The issue.</param>
/// <param name="Status">Its current status.</param>
/// <param name="AllowedTransitions">The statuses a PATCH may move it to now.</param>
/// <param name="DailyCounts">Occurrences per UTC day, oldest first, today last.</param>
/// <param name="Breakdowns">Occurrences per app version, environment and country.</param>
/// <param name="Activity">Status changes and merges, oldest first.</param>
/// <param name="Comments">Whether the caller may edit and delete each comment.</param>
public sealed record IssueOverviewResponse(
    Guid IssueId,
    string Status,
    IReadOnlyList<string> AllowedTransitions,
    IReadOnlyList<DailyCountResponse> DailyCounts,
    IssueBreakdownsResponse Breakdowns,
    IReadOnlyList<IssueActivityResponse> Activity,
    IReadOnlyList<CommentPermissionResponse> Comments);
