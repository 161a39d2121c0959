using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Events;

/// <summary>One page of an event list.</summary>
/// <param name="Events">The events of the page, in the list's order.</param>
/// <param name="Cursor">The cursor of the next page, or null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record EventPage(IReadOnlyList<ErrorEvent> Events, string? Cursor, bool HasMore);
