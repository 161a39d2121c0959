using System.Threading.RateLimiting;
using Owlmetry.Issues.Host.Http;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// Limits on the routes that need no credentials, each a fixed window per client address (ASP.NET Core's rate
/// limiter): login, 10 attempts a minute by default under <c>Auth:LoginRateLimit</c>, also counted per email tried;
/// and the signed attachment download, 120 a minute under <c>Attachments:DownloadRateLimit</c>. Server only: the
/// embeddable API has neither route, its host brings its own sign-in.
/// </summary>
public static class AnonymousRateLimiting
{
    public const string LoginPolicyName = "login";
    public const string DownloadPolicyName = "attachment-download";

    public static IServiceCollection AddAnonymousRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var login = FixedWindowLimit.FromConfiguration(configuration.GetSection("Auth:LoginRateLimit"), 10, TimeSpan.FromMinutes(1));
        var download = FixedWindowLimit.FromConfiguration(configuration.GetSection("Attachments:DownloadRateLimit"), 120, TimeSpan.FromMinutes(1));
        services.AddSingleton(_ => new LoginEmailRateLimitFilter(PartitionedRateLimiter.Create<string, string>(login.Partition)));
        return services.AddRateLimiter(options =>
        {
            RateLimitRejection.Configure(options);
            options.AddPolicy(LoginPolicyName, http => login.Partition(ClientAddress.PartitionKey(http)));
            options.AddPolicy(DownloadPolicyName, http => download.Partition(ClientAddress.PartitionKey(http)));
        });
    }

    /// <summary>
    /// For a route that checks a signed-in user's password (changing it): the login policy per client address, then
    /// the same limit per account, so a stolen token cannot guess the password faster than a login could.
    /// </summary>
    public static RouteHandlerBuilder RequirePasswordCheckRateLimiting(this RouteHandlerBuilder builder) => builder
        .RequireRateLimiting(LoginPolicyName)
        .AddEndpointFilterFactory((context, next) =>
        {
            var filter = context.ApplicationServices.GetRequiredService<LoginEmailRateLimitFilter>();
            return invocation => filter.InvokeForCallerAsync(invocation, next);
        });

    /// <summary>The login policy per client address, then the same limit per email tried.</summary>
    public static RouteHandlerBuilder RequireLoginRateLimiting(this RouteHandlerBuilder builder) => builder
        .RequireRateLimiting(LoginPolicyName)
        .AddEndpointFilterFactory((context, next) =>
        {
            var filter = context.ApplicationServices.GetRequiredService<LoginEmailRateLimitFilter>();
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
