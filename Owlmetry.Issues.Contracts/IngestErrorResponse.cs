namespace Owlmetry.Issues.Contracts;

/// <summary>Why one event of an ingest batch was refused.</summary>
/// <param name="Index">The event's position in the batch, from 0.</param>
/// <param name="Message">Why it was refused.</param>
public sealed record IngestErrorResponse(int Index, string Message);
