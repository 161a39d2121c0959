using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Issues API's MCP endpoint.</summary>
public static class OwlmetryIssuesMcpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the MCP endpoint (Streamable HTTP) at <paramref name="pattern"/>, behind the API's authorization policy
    /// (<see cref="OwlmetryIssuesApiOptions.AuthorizationPolicyName"/>), with bodies of at most 256 KiB, and leaves it out
    /// of the OpenAPI document. A challenge is a 401 problem, never a cookie scheme's redirect to a login page. Call it
    /// after <c>UseAuthentication</c> and <c>UseAuthorization</c>; the services come from
    /// <c>AddOwlmetryIssuesApi(…).AddMcp()</c>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The endpoint's path, e.g. <c>/mcp</c>.</param>
    /// <returns>The endpoint's conventions, for the host's own (CORS, rate limiting).</returns>
    /// <exception cref="InvalidOperationException">The services of <c>AddOwlmetryIssuesApi(…).AddMcp()</c> are not registered,
    /// or <see cref="OwlmetryIssuesApiOptions.AuthenticationScheme"/> names no registered scheme.</exception>
    public static IEndpointConventionBuilder MapOwlmetryIssuesMcp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IssuesMcpRegistration)) != true)
        {
            throw new InvalidOperationException(
                "MapOwlmetryIssuesMcp needs the Issues API's MCP services: call services.AddOwlmetryIssuesApi(…).AddMcp() when building the application.");
        }

        AuthenticationSchemeCheck.ThrowIfUnregistered(endpoints.ServiceProvider);

        return endpoints.MapMcp(pattern)
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .DisableCookieRedirect()
            .WithMetadata(new RequestSizeLimitAttribute(OwlmetryIssuesApiOptions.MaxJsonBodyBytes), McpEndpointMetadata.Instance)
            .ExcludeFromDescription();
    }
}
