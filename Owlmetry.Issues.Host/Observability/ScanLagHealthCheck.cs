using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Diagnostics;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>The scan keeps up: the oldest unscanned error event is younger than <see cref="ReadinessOptions.MaxScanLag"/>.</summary>
internal sealed class ScanLagHealthCheck(ScanLag scanLag, IOptions<ReadinessOptions> options) : IHealthCheck
{
    public const string Name = "scan";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await scanLag.MeasureAsync(cancellationToken);
        var limit = options.Value.MaxScanLag;
        var description = string.Create(
            CultureInfo.InvariantCulture, $"The oldest unscanned event is {lag.TotalSeconds:0.###} s old (limit {limit.TotalSeconds:0.###} s)");
        return lag <= limit ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description);
    }
}
