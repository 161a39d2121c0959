namespace Owlmetry.Issues.WebConsole;

/// <summary>A signed-in browser session: the token its cookie carries and when that token expires.</summary>
/// <param name="Token">The user token (the host's own, as its login route issues it).</param>
/// <param name="ExpiresAt">When the token stops being accepted; the cookie expires then too.</param>
public sealed record WebConsoleSession(string Token, DateTimeOffset ExpiresAt);
