using Carter;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Modules;

namespace Owlmetry.Issues.Host;

/// <summary>The self-hosted server: the Issues API plus its own directory, authentication and bootstrap.</summary>
public static class OwlmetryServer
{
    public static WebApplicationBuilder AddOwlmetryServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectoryStore, InMemoryDirectoryStore>();
        var issues = services.AddOwlmetryIssues(o =>
            o.ScanInterval = builder.Configuration.GetValue("Scan:Interval", o.ScanInterval)).UseDirectory<StoreIssueDirectory>();
        if (builder.Configuration.GetValue("Scan:Enabled", true))
        {
            issues.AddBackgroundScan();
        }

        services.AddOwlmetryIssuesApi();
        services.AddSingleton<ICarterModule, IngestModule>();
        services.AddSingleton<ICarterModule, JobsModule>();
        services.AddRequestDecompression();
        services.AddIngestRateLimiting(builder.Configuration);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddSingleton<UserTokenService>();
        services.TryAddSingleton<IActorResolver, OwlmetryActorResolver>();
        services.AddAuthentication(OwlmetryAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OwlmetryAuthenticationHandler>(OwlmetryAuthenticationHandler.SchemeName, null);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseOwlmetryServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestDecompression();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").WithTags("Health");
        app.MapOwlmetryIssuesApi();
        return app;
    }
}
