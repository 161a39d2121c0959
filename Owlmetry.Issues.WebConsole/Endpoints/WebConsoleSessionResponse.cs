namespace Owlmetry.Issues.WebConsole.Endpoints;

/// <summary>The console's session state: whether the browser is signed in, and the antiforgery token to send back.</summary>
/// <param name="SignedIn">Whether the session cookie carries a valid user.</param>
/// <param name="AntiforgeryToken">The token for the <c>X-Owlmetry-Antiforgery</c> header of state-changing calls.</param>
internal sealed record WebConsoleSessionResponse(bool SignedIn, string? AntiforgeryToken);
