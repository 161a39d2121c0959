using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>The outcome of an ingest batch: each event is accepted or refused on its own.</summary>
/// <param name="Accepted">How many events were accepted.</param>
/// <param name="Rejected">How many events were refused.</param>
/// <param name="Errors">Why each refused event was refused; left out when none was.</param>
public sealed record IngestResponse(
    int Accepted,
    int Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IngestErrorResponse>? Errors);
