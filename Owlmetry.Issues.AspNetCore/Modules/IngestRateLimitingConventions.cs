using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal static class IngestRateLimitingConventions
{
    /// <summary>The host's ingest rate-limiting policy, when it named one.</summary>
    public static RouteGroupBuilder WithIngestRateLimiting(this RouteGroupBuilder group, IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<OwlmetryIssuesApiOptions>>().Value.IngestRateLimitingPolicy is { } policy
            ? group.RequireRateLimiting(policy)
            : group;
}
