using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// Refuses an <see cref="OwlmetryIssuesApiOptions.AuthenticationScheme"/> that names no registered scheme when the API
/// is mapped: otherwise the policy fails on every request of the API, each a 500.
/// </summary>
internal static class AuthenticationSchemeCheck
{
    public static void ThrowIfUnregistered(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<OwlmetryIssuesApiOptions>>().Value.AuthenticationScheme is not { } scheme)
        {
            return;
        }

        // The framework's provider answers at once; the check runs once, while the routes are mapped.
        var registered = services.GetService<IAuthenticationSchemeProvider>()?.GetAllSchemesAsync().GetAwaiter().GetResult().Select(s => s.Name).ToList() ?? [];
        if (!registered.Contains(scheme, StringComparer.Ordinal))
        {
            var known = registered.Count == 0 ? "none (call services.AddAuthentication(…))" : string.Join(", ", registered);
            throw new InvalidOperationException(
                $"OwlmetryIssuesApiOptions.AuthenticationScheme is '{scheme}', but no authentication scheme of that name is registered; the registered schemes are: {known}.");
        }
    }
}
