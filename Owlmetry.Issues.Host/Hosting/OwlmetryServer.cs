using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host;

/// <summary>The self-hosted server: the Issues API plus its own directory, authentication and bootstrap.</summary>
public static class OwlmetryServer
{
    public static WebApplicationBuilder AddOwlmetryServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectoryStore, InMemoryDirectoryStore>();
        services.AddOwlmetryIssues().UseDirectory<StoreIssueDirectory>();
        services.AddOwlmetryIssuesApi();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").WithTags("Health");
        app.MapOwlmetryIssuesApi();
        return app;
    }
}
