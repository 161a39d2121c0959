using Microsoft.Extensions.Diagnostics.HealthChecks;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>The issue store is open: a read unit of work (the scan's high-water mark, one lookup) succeeds.</summary>
internal sealed class StoreHealthCheck(IIssueStore store) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ReadAsync(r => r.GetScanCheckpointAsync(), cancellationToken);
            return HealthCheckResult.Healthy("The store answers reads");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The store cannot be read: {exception.Message}");
        }
    }
}
