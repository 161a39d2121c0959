using Owlmetry.Issues.WebConsole;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the triage console's services.</summary>
public static class WebConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Adds ASP.NET Core antiforgery with the console's cookie and header (<see cref="WebConsoleCookies"/>): the cookie
    /// <c>HttpOnly</c>, <c>SameSite=Strict</c>, <c>Secure</c> over HTTPS. Register an <see cref="IWebConsoleSignIn"/> for
    /// the console's own login form.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddOwlmetryWebConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = WebConsoleCookies.AntiforgeryHeader;
            o.Cookie.Name = WebConsoleCookies.Antiforgery;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
        });
        return services;
    }
}
