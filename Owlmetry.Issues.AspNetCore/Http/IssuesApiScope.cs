using Microsoft.AspNetCore.Diagnostics;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Which requests the API answers for when something fails: its own endpoints (the routes of <c>MapOwlmetryIssues</c>
/// and the MCP endpoint), or every request of an application that adopted its conventions. The host's own endpoints
/// keep the host's exception handlers, problems and status codes.
/// </summary>
internal static class IssuesApiScope
{
    public static bool Covers(HttpContext context)
    {
        var endpoint = EndpointOf(context);
        return endpoint?.Metadata.GetMetadata<IssuesApiPrefix>() is not null
            || endpoint?.Metadata.GetMetadata<McpEndpointMetadata>() is not null
            || context.RequestServices.GetService<WholeApplicationConventions>() is not null;
    }

    /// <summary>
    /// Whether a status code answered without a body is the API's to write: a request <see cref="Covers"/> covers, or one
    /// under the API's prefix that the routing answered itself, because no route matched (404) or none takes the method
    /// (405: the routing's own endpoint, not a route's). A route of the host keeps its answer, even under the prefix.
    /// </summary>
    public static bool CoversStatusCode(HttpContext context) =>
        Covers(context) || (EndpointOf(context) is not RouteEndpoint && IsUnderApiPrefix(context));

    // The exception handler middleware clears the endpoint before the handlers run; the feature keeps it.
    private static Endpoint? EndpointOf(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static bool IsUnderApiPrefix(HttpContext context) =>
        context.RequestServices.GetService<IssuesApiRegistration>()?.MappedPrefix is { } prefix
        && context.Request.Path.StartsWithSegments(prefix.Trim('/') is { Length: > 0 } segments ? new PathString("/" + segments) : PathString.Empty);
}
