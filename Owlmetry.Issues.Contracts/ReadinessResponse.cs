using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>The answer of <c>GET /health/ready</c>.</summary>
/// <param name="Status">The overall status.</param>
/// <param name="Checks">Each check by name.</param>
/// <param name="Error">Only when not ready, naming the failing checks, as every error body of the API has an <c>error</c>.</param>
public sealed record ReadinessResponse(
    string Status,
    IReadOnlyDictionary<string, ReadinessCheckResponse> Checks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
