namespace Owlmetry.Issues.Storage;

/// <summary>How many occurrences one issue had on one UTC day.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="Date">The day (UTC).</param>
/// <param name="Count">Its occurrences whose timestamp falls on that day; at least 1.</param>
public sealed record IssueDayCount(Guid IssueId, DateOnly Date, int Count);
