using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.WebConsole.Http;

namespace Owlmetry.Issues.WebConsole.Endpoints;

internal static class ConsoleEndpoints
{
    public static IResult Page(HttpContext http, string basePath)
    {
        if (ConsoleAssets.Find("index.html") is not { } page)
        {
            return TypedResults.NotFound();
        }

        // The one value put into the page, attribute-encoded; the page itself holds no script.
        var html = Encoding.UTF8.GetString(page.Content).Replace("{{base}}", HtmlEncoder.Default.Encode(basePath), StringComparison.Ordinal);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(html, page.ContentType);
    }

    public static IResult Asset(string name, HttpContext http)
    {
        if (ConsoleAssets.Find(name) is not { } asset)
        {
            return ErrorResponses.Problem(StatusCodes.Status404NotFound, "Not found");
        }

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = ConsoleAssets.ETag;
        return http.Request.Headers.IfNoneMatch.ToString() == ConsoleAssets.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    public static Ok<WebConsoleSessionResponse> Session(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new WebConsoleSessionResponse(http.User.Identity?.IsAuthenticated == true, tokens.RequestToken!));
    }

    public static async Task<IResult> Login(WebConsoleLoginRequest? body, HttpContext http, CancellationToken ct)
    {
        if (http.RequestServices.GetService<IWebConsoleSignIn>() is not { } signIn)
        {
            return ErrorResponses.Problem(StatusCodes.Status404NotFound, "This application signs its users in itself");
        }

        var session = await signIn.SignInAsync(body?.Email, body?.Password, ct);
        if (!session.IsSuccess)
        {
            return session.Error.ToProblem();
        }

        http.Response.Cookies.Append(WebConsoleCookies.Session, session.Value.Token, CookieOptions(http, session.Value.ExpiresAt));
        return TypedResults.Ok(new WebConsoleSessionResponse(true, null));
    }

    public static Ok<WebConsoleSessionResponse> Logout(HttpContext http)
    {
        http.Response.Cookies.Delete(WebConsoleCookies.Session, CookieOptions(http, expires: null));
        return TypedResults.Ok(new WebConsoleSessionResponse(false, null));
    }

    private static CookieOptions CookieOptions(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
