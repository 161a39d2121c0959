namespace Owlmetry.Issues.Contracts;

/// <summary>Occurrences on one UTC day.</summary>
/// <param name="Date">The day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Count">How many occurrences.</param>
public sealed record DailyCountResponse(DateOnly Date, int Count);
