namespace Owlmetry.Issues.Contracts;

/// <summary>How many occurrences carry one value; <c>value</c> null for those without one.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">How many occurrences.</param>
public sealed record ValueCountResponse(string? Value, int Count);
