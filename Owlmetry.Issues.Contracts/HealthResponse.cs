namespace Owlmetry.Issues.Contracts;

/// <summary>The answer of <c>GET /health</c>.</summary>
/// <param name="Status">Always <c>ok</c>.</param>
public sealed record HealthResponse(string Status)
{
    /// <summary>The one answer.</summary>
    public static HealthResponse Ok { get; } = new("ok");
}
