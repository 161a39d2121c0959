using Microsoft.AspNetCore.Diagnostics;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Which requests the API answers for when something fails: its own endpoints (the routes of <c>MapOwlmetryIssues</c>
/// and the MCP endpoint), or every request of an application that adopted its conventions. The host's own endpoints
/// keep the host's exception handlers and problems.
/// </summary>
internal static class IssuesApiScope
{
    public static bool Covers(HttpContext context)
    {
        // The exception handler middleware clears the endpoint before the handlers run; the feature keeps it.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<IssuesApiPrefix>() is not null
            || endpoint?.Metadata.GetMetadata<McpEndpointMetadata>() is not null
            || context.RequestServices.GetService<WholeApplicationConventions>() is not null;
    }
}
