using System.Text.Json.Serialization;

namespace Owlmetry.Issues.WebConsole.Endpoints;

/// <summary>
/// The console's session state: whether the browser is signed in, and the antiforgery token to send back. Its names
/// are the page's, fixed here: the console's routes are written with the application's JSON options, whatever they name.
/// </summary>
/// <param name="SignedIn">Whether the session cookie carries a valid user.</param>
/// <param name="AntiforgeryToken">The token for the <c>X-Owlmetry-Antiforgery</c> header of state-changing calls.</param>
internal sealed record WebConsoleSessionResponse(
    [property: JsonPropertyName("signed_in")] bool SignedIn,
    [property: JsonPropertyName("antiforgery_token")] string? AntiforgeryToken);
