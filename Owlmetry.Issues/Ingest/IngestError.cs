namespace Owlmetry.Issues.Ingest;

/// <summary>Why one event of a batch was refused.</summary>
/// <param name="Index">The event's position in the batch.</param>
/// <param name="Message">The reason, prefixed <c>events[i]: </c>.</param>
public sealed record IngestError(int Index, string Message);
