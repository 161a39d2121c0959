namespace Owlmetry.Issues.Host.Observability;

/// <summary>The Prometheus scrape endpoint, bound from the <c>Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// When set, the endpoint answers only on connections to this local port (add it to <c>--urls</c>, e.g. bound to
    /// an internal interface); elsewhere it is 404. The Host header is not used for this: a client chooses it.
    /// </summary>
    public int? Port { get; set; }
}
