using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.AspNetCore.Modules;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Owlmetry Issues API's routes.</summary>
public static class OwlmetryIssuesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Issues API under <paramref name="prefix"/>: issues and the team issue list, status changes, merges,
    /// comments, event and attachment ingest, attachments, stored events and scan jobs. Call it after
    /// <c>UseAuthentication</c> and <c>UseAuthorization</c> (and <c>UseRequestDecompression</c> for compressed bodies);
    /// the services come from <c>AddOwlmetryIssuesApi</c>. A JSON body may hold 256 KiB (ingest's 1 MiB), counted after
    /// decompression; an attachment's upload is limited by its reserved size.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The path the API lives under; the Owlmetry clients expect <c>/v1</c>.</param>
    /// <returns>The route group, for conventions of the host (OpenAPI metadata, CORS, more problems).</returns>
    public static RouteGroupBuilder MapOwlmetryIssues(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix).WithMetadata(new IssuesApiPrefix(prefix), new RequestSizeLimitAttribute(OwlmetryIssuesApiOptions.MaxJsonBodyBytes));
        foreach (var module in IssuesApiModules.All)
        {
            module.AddRoutes(group);
        }

        return group;
    }
}
