namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a claim of the next issue; every member is optional.</summary>
/// <param name="Status">Only issues in this status; without it, resolved and silenced issues are skipped.</param>
/// <param name="AppId">Only issues of this app (a UUID).</param>
/// <param name="DataMode"><c>production</c>, <c>development</c> or <c>all</c> (the default).</param>
/// <param name="Sort">Which issue comes first: <c>last_seen</c> (default), <c>last_activity</c>, <c>first_seen</c>, <c>occurrences</c> or <c>users</c>.</param>
/// <param name="DurationSeconds">How long the claim lasts: 30 to 86400 seconds; 900 when left out.</param>
public sealed record ClaimIssueRequest(string? Status = null, string? AppId = null, string? DataMode = null, string? Sort = null, int? DurationSeconds = null);
