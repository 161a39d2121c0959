using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.WebConsole;
using Owlmetry.Issues.WebConsole.Endpoints;
using Owlmetry.Issues.WebConsole.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the triage console.</summary>
public static class WebConsoleEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the console's page at <paramref name="prefix"/>, its embedded scripts and styles at
    /// <c>{prefix}console/assets/{name}</c>, and its session routes: <c>GET {prefix}console/session</c> (the antiforgery
    /// token), <c>POST {prefix}console/login</c> and <c>POST {prefix}console/logout</c>. The page calls the Issues API at
    /// <c>/v1</c> with the browser's session. Call <c>app.UseOwlmetryWebConsole()</c> after <c>UseAuthentication</c>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">Where the console lives, ending in <c>/</c>; <c>/</c> by default.</param>
    /// <returns>The routes, so that the host can put its login rate limit on <see cref="WebConsoleEndpoints.Login"/>.</returns>
    public static WebConsoleEndpoints MapOwlmetryWebConsole(this IEndpointRouteBuilder endpoints, string prefix = "/")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var basePath = prefix.EndsWith('/') ? prefix : prefix + "/";
        var group = endpoints.MapGroup(basePath)
            .WithMetadata(WebConsoleRoute.Instance, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OwlmetryIssuesApiOptions.MaxJsonBodyBytes)).ExcludeFromDescription();
        group.MapGet(string.Empty, (HttpContext http) => ConsoleEndpoints.Page(http, basePath)).WithName("WebConsolePage").AllowAnonymous();
        group.MapGet("console/assets/{name}", ConsoleEndpoints.Asset).WithName("WebConsoleAsset").AllowAnonymous();
        group.MapGet("console/session", ConsoleEndpoints.Session).WithName("WebConsoleSession").AllowAnonymous();
        var login = group.MapPost("console/login", ConsoleEndpoints.Login).WithName("WebConsoleLogin").AllowAnonymous();
        group.MapPost("console/logout", ConsoleEndpoints.Logout).WithName("WebConsoleLogout").AllowAnonymous();
        return new WebConsoleEndpoints(login, group);
    }
}
