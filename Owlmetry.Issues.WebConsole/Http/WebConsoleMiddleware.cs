using Microsoft.AspNetCore.Antiforgery;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.WebConsole.Http;

/// <summary>
/// Antiforgery for every state-changing request a browser session can make: a console route, or any route called with
/// the session cookie and no <c>Authorization</c> header (the browser calling the API). A request with its own
/// credentials in a header is not a browser's ambient credential and passes. Console routes also get their security
/// headers: a Content-Security-Policy without inline scripts or styles, no framing, no sniffing, no referrer.
/// </summary>
internal sealed class WebConsoleMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public async Task InvokeAsync(HttpContext http)
    {
        var consoleRoute = http.GetEndpoint()?.Metadata.GetMetadata<WebConsoleRoute>() is not null;
        if (consoleRoute)
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
        }

        if (!IsSafe(http.Request.Method) && (consoleRoute || UsesSessionCookie(http.Request))
            && !await HasValidTokenAsync(http))
        {
            await ErrorResponses.Problem(StatusCodes.Status400BadRequest, "Missing or invalid antiforgery token").ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    /// <summary>
    /// The token is taken from the header only: without one the request is refused before antiforgery would look for a
    /// form field, which would read (and decompress) the body of a request the console never sends.
    /// </summary>
    private async Task<bool> HasValidTokenAsync(HttpContext http) =>
        !string.IsNullOrEmpty(http.Request.Headers[WebConsoleCookies.AntiforgeryHeader]) && await antiforgery.IsRequestValidAsync(http);

    /// <summary>Whether the request's credential is the browser session's cookie.</summary>
    public static bool UsesSessionCookie(HttpRequest request) =>
        request.Cookies.ContainsKey(WebConsoleCookies.Session) && string.IsNullOrEmpty(request.Headers.Authorization);

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
