namespace Owlmetry.Issues.Contracts;

/// <summary>One check of <c>GET /health/ready</c>.</summary>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Description">What the check found.</param>
public sealed record ReadinessCheckResponse(string Status, string? Description);
