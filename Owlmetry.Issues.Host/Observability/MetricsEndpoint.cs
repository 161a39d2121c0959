using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Owlmetry.Issues.Diagnostics;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>
/// Metrics through OpenTelemetry, scraped in Prometheus text format at <c>Metrics:Path</c> (default <c>/metrics</c>):
/// the library's and the server's instruments (<see cref="IssuesMetrics.MeterName"/>), ASP.NET Core's request, Kestrel
/// and rate-limiting meters, the webhook HTTP client's, and the runtime's. Off with <c>Metrics:Enabled=false</c>.
/// </summary>
internal static class MetricsEndpoint
{
    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .Validate(o => o.Path.StartsWith('/'), "Metrics:Path must start with '/'.")
            .Validate(o => o.Port is null or >= 1 and <= 65535, "Metrics:Port must be a number from 1 to 65535.")
            .ValidateOnStart();
        services.TryAddSingleton<OwlmetryServerMetrics>();
        if (!options.Enabled)
        {
            return services;
        }

        services.Decorate<IIssueStore, MeasuredIssueStore>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IssuesMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddMeter("System.Net.Http", "System.Runtime")
            .AddPrometheusExporter(o =>
            {
                o.ScrapeEndpointPath = options.Path;

                // Every scrape sees the values of its own moment (the default caches a response for 300 ms).
                o.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        // The scan-lag gauge exists once the library's instruments do; the first scrape must not wait for an ingest.
        app.Services.GetRequiredService<IssuesMetrics>();
        app.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, configureBranchedPipeline: options.Port is { } port
            ? branch => branch.Use((context, next) => context.Connection.LocalPort == port ? next(context) : NotFound(context))
            : null, optionsName: null);
        return app;
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
