using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>
/// <c>GET /health/ready</c> (ASP.NET Core health checks): 200 when the store answers a read and the scan keeps up
/// (<c>Health:MaxScanLag</c>), else 503 naming the failing check. <c>/health</c> stays the plain liveness answer.
/// </summary>
internal static class Readiness
{
    public const string Path = "/health/ready";

    // A store held longer than this by a unit of work counts as not answering.
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddOptions<ReadinessOptions>().BindConfiguration(ReadinessOptions.SectionName)
            .Validate(o => o.MaxScanLag > TimeSpan.Zero, "Health:MaxScanLag must be positive.")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, timeout: s_checkTimeout)
            .AddCheck<ScanLagHealthCheck>(ScanLagHealthCheck.Name, timeout: s_checkTimeout);
        return services;
    }

    public static WebApplication MapReadiness(this WebApplication app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).WithDisplayName("Readiness");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToList();
        var response = new ReadinessResponse(
            StatusName(report.Status),
            report.Entries.ToDictionary(e => e.Key, e => new ReadinessCheckResponse(StatusName(e.Value.Status), e.Value.Description)),
            failing.Count == 0 ? null : $"Not ready: {string.Join(", ", failing)}");
        return context.Response.WriteAsJsonAsync(response);
    }

    private static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
