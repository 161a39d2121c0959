namespace Owlmetry.Issues.Contracts;

/// <summary>One issue's occurrences per UTC day over the last 14 days.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="DailyCounts">Oldest day first, today last.</param>
public sealed record IssueDailyCountsResponse(Guid IssueId, IReadOnlyList<DailyCountResponse> DailyCounts);
