using Microsoft.AspNetCore.HttpLogging;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>
/// What an operator watches: metrics (<see cref="MetricsEndpoint"/>), readiness (<see cref="Readiness"/>), the start
/// line (<see cref="StartupLog"/>), and one combined line per request, logged only when the
/// <c>Microsoft.AspNetCore.HttpLogging</c> category is at Information (the shipped appsettings.json keeps it off).
/// </summary>
internal static class ServerObservability
{
    public static IServiceCollection AddServerObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<StartupLog>();
        services.AddHttpLogging(o =>
        {
            o.CombineLogs = true;

            // No headers, bodies or query strings: they carry keys, tokens and signed download links.
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode
                | HttpLoggingFields.Duration;
        });
        services.AddReadiness();
        return services.AddMetricsEndpoint(configuration);
    }

    public static WebApplication MapServerObservability(this WebApplication app) => app.MapReadiness().MapMetricsEndpoint();
}
