namespace Owlmetry.Issues.Querying;

/// <summary>Which page of an issue's occurrences a detail carries.</summary>
/// <param name="Cursor">The <c>occurrence_cursor</c> of the previous detail, or null for the newest.</param>
/// <param name="Limit">The page size, clamped to 1..200; 50 when null.</param>
public sealed record OccurrencePageRequest(string? Cursor = null, int? Limit = null);
