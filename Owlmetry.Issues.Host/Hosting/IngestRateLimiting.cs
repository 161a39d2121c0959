using System.Security.Claims;
using System.Threading.RateLimiting;
using Owlmetry.Issues.Host.Auth;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// The ingest limit: one token bucket per API key (ASP.NET Core's rate limiter), 100 requests refilled at 10 per
/// second by default like the reference; configurable under <c>Ingest:RateLimit</c>, or off.
/// </summary>
public static class IngestRateLimiting
{
    public const string PolicyName = "ingest";

    public static IServiceCollection AddIngestRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Ingest:RateLimit");
        var enabled = section.GetValue("Enabled", true);
        var permitLimit = Math.Max(1, section.GetValue("PermitLimit", 100));
        var tokensPerSecond = section.GetValue("TokensPerSecond", 10.0);
        var (tokensPerPeriod, period) = Refill(tokensPerSecond);

        return services.AddRateLimiter(options =>
        {
            RateLimitRejection.Configure(options);
            options.AddPolicy(PolicyName, http => enabled
                ? RateLimitPartition.GetTokenBucketLimiter(
                    http.User.FindFirstValue(OwlmetryClaims.Subject) ?? "anonymous",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = permitLimit,
                        TokensPerPeriod = tokensPerPeriod,
                        ReplenishmentPeriod = period,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                : RateLimitPartition.GetNoLimiter("off"));
        });
    }

    /// <summary>Whole tokens per period: 10/s is 1 token every 100 ms, 0.5/s is 1 token every 2 s.</summary>
    private static (int Tokens, TimeSpan Period) Refill(double tokensPerSecond)
    {
        if (tokensPerSecond <= 0)
        {
            return (1, TimeSpan.FromDays(1));
        }

        return tokensPerSecond >= 1
            ? ((int)Math.Round(tokensPerSecond), TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromSeconds(1 / tokensPerSecond));
    }
}
