namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record EventListResponse(IReadOnlyList<EventResponse> Events, string? Cursor, bool HasMore);
