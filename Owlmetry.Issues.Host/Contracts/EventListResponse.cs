namespace Owlmetry.Issues.Host.Contracts;

public sealed record EventListResponse(IReadOnlyList<EventResponse> Events, string? Cursor, bool HasMore);
