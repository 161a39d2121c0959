using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal static class IngestRateLimitingConventions
{
    /// <summary>The host's ingest rate-limiting policy, when it named one.</summary>
    public static TBuilder WithIngestRateLimiting<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app)
        where TBuilder : IEndpointConventionBuilder =>
        app.ServiceProvider.GetRequiredService<IOptions<OwlmetryIssuesApiOptions>>().Value.IngestRateLimitingPolicy is { } policy
            ? builder.RequireRateLimiting(policy)
            : builder;
}
