namespace Owlmetry.Issues.Contracts;

/// <summary>A page of stored events.</summary>
/// <param name="Events">The events, in the requested order.</param>
/// <param name="Cursor">The cursor of the next page; null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record EventListResponse(IReadOnlyList<EventResponse> Events, string? Cursor, bool HasMore);
