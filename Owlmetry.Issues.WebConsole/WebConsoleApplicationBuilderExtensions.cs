using Owlmetry.Issues.WebConsole.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The triage console's middleware.</summary>
public static class WebConsoleApplicationBuilderExtensions
{
    /// <summary>
    /// Checks antiforgery on every state-changing request of a browser session (a console route, or any route called
    /// with the session cookie instead of an <c>Authorization</c> header), refusing it with 400, and gives the console's
    /// responses their Content-Security-Policy and other security headers. Call it after <c>UseAuthentication</c>, since
    /// an antiforgery token belongs to the signed-in user.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseOwlmetryWebConsole(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<WebConsoleMiddleware>();
    }
}
