namespace Owlmetry.Issues.Host.Contracts;

public sealed record HealthResponse(string Status)
{
    public static HealthResponse Ok { get; } = new("ok");
}
