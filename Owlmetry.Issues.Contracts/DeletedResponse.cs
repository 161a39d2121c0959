namespace Owlmetry.Issues.Contracts;

/// <summary>The answer of a delete.</summary>
/// <param name="Deleted">Always true.</param>
public sealed record DeletedResponse(bool Deleted);
