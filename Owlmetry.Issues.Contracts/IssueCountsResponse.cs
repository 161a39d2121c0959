namespace Owlmetry.Issues.Contracts;

/// <summary>
/// <c>GET …/issues/counts</c>: how many issues the list's filters (app, data mode, team or project) match, in all and per
/// status, for a stream's status tabs.
/// </summary>
/// <param name="Total">Every matching issue, whatever its status.</param>
/// <param name="Statuses">Per status (<c>new</c>, <c>in_progress</c>, <c>resolved</c>, <c>silenced</c>, <c>regressed</c>, <c>snoozed</c>), each present, 0 when none.</param>
public sealed record IssueCountsResponse(int Total, IReadOnlyDictionary<string, int> Statuses);
