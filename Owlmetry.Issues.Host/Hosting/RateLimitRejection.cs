using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// The one answer of every rate limit of the server, whether the middleware or an endpoint filter refuses: 429,
/// <c>Retry-After</c> in whole seconds when the limiter knows it, and the problem body with its <c>error</c> member.
/// </summary>
internal static class RateLimitRejection
{
    public const string Message = "Rate limit exceeded";

    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) => new ValueTask(Result(context.HttpContext, context.Lease).ExecuteAsync(context.HttpContext));
    }

    public static IResult Result(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return ErrorResponses.Problem(StatusCodes.Status429TooManyRequests, Message);
    }
}
