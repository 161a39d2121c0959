namespace Owlmetry.Issues.WebConsole.Http;

/// <summary>Endpoint metadata: a route of the console, which answers with its security headers and checks antiforgery.</summary>
internal sealed class WebConsoleRoute
{
    public static readonly WebConsoleRoute Instance = new();
}
