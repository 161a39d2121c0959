namespace Owlmetry.Issues.WebConsole;

/// <summary>The names the console's browser session travels under.</summary>
public static class WebConsoleCookies
{
    /// <summary>
    /// The session cookie: the user token from the sign-in, <c>HttpOnly</c>, <c>SameSite=Strict</c>, <c>Secure</c> over
    /// HTTPS. The host's authentication reads it when a request has no <c>Authorization</c> header.
    /// </summary>
    public const string Session = "owlmetry_session";

    /// <summary>The antiforgery cookie (ASP.NET Core antiforgery), paired with <see cref="AntiforgeryHeader"/>.</summary>
    public const string Antiforgery = "owlmetry_antiforgery";

    /// <summary>The header a state-changing request of the console carries its antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-Owlmetry-Antiforgery";
}
