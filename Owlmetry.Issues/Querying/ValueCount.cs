namespace Owlmetry.Issues.Querying;

/// <summary>How many occurrences carry one value of a field (an app version, an environment, a country).</summary>
/// <param name="Value">The value; null for occurrences without one.</param>
/// <param name="Count">How many occurrences carry it.</param>
public sealed record ValueCount(string? Value, int Count);
