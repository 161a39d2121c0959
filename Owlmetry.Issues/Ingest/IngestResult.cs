namespace Owlmetry.Issues.Ingest;

/// <summary>What happened to a batch: accepted and rejected counts (duplicates count in neither) and why each rejection.</summary>
/// <param name="Accepted">Events accepted, durable when the result is returned.</param>
/// <param name="Rejected">Events refused by validation.</param>
/// <param name="Errors">One entry per rejected event.</param>
public sealed record IngestResult(int Accepted, int Rejected, IReadOnlyList<IngestError> Errors);

