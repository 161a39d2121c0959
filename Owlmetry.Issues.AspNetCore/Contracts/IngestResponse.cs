using System.Text.Json.Serialization;

namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record IngestResponse(
    int Accepted,
    int Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IngestError>? Errors);
