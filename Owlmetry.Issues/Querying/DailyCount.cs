namespace Owlmetry.Issues.Querying;

/// <summary>How many occurrences an issue had on one UTC day.</summary>
/// <param name="Date">The day (UTC).</param>
/// <param name="Count">Occurrences whose timestamp falls on it.</param>
public sealed record DailyCount(DateOnly Date, int Count);
