namespace Owlmetry.Issues.Querying;

/// <summary>One issue's occurrences per UTC day over the last <see cref="IssueOverview.Days"/> days.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="DailyCounts">Oldest day first, today last; a day without any counts 0.</param>
public sealed record IssueDailyCounts(Guid IssueId, IReadOnlyList<DailyCount> DailyCounts);
