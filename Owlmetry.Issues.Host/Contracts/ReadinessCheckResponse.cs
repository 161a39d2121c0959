namespace Owlmetry.Issues.Host.Contracts;

public sealed record ReadinessCheckResponse(string Status, string? Description);
