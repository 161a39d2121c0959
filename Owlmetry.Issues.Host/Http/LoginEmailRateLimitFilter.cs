using System.Threading.RateLimiting;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.WebConsole;

namespace Owlmetry.Issues.Host.Http;

/// <summary>
/// Login attempts per email tried, whatever address they come from: the per-address policy alone lets many machines
/// guess one account's password in parallel. The email is in the body, which the rate limiter middleware cannot read,
/// so this runs as an endpoint filter after binding, on the framework's partitioned limiter.
/// </summary>
internal sealed class LoginEmailRateLimitFilter(PartitionedRateLimiter<string> limiter) : IEndpointFilter, IDisposable
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Without a usable email the endpoint answers 400 and checks no password, so there is nothing to slow down.
        if (context.Arguments.Select(EmailTried).OfType<string>().FirstOrDefault() is not { } email
            || string.IsNullOrWhiteSpace(email) || email.Length > DirectoryInput.MaxEmailLength)
        {
            return await next(context);
        }

        using var lease = limiter.AttemptAcquire(DirectoryInput.NormalizeEmail(email));
        return lease.IsAcquired ? await next(context) : RateLimitRejection.Result(context.HttpContext, lease);
    }

    /// <summary>The same limit per signed-in account, for a route that checks the caller's own password.</summary>
    public async ValueTask<object?> InvokeForCallerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.User.FindFirst(OwlmetryClaims.Subject)?.Value is not { Length: > 0 } subject)
        {
            return await next(context);
        }

        // No email is shaped like this (it has no @), so an account's budget is its own.
        using var lease = limiter.AttemptAcquire($"user:{subject}");
        return lease.IsAcquired ? await next(context) : RateLimitRejection.Result(context.HttpContext, lease);
    }

    /// <summary>The email of a login body: the API's login or the web console's form.</summary>
    private static string? EmailTried(object? argument) => argument switch
    {
        LoginRequest api => api.Email,
        WebConsoleLoginRequest console => console.Email,
        _ => null,
    };

    public void Dispose() => limiter.Dispose();
}
