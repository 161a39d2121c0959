using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.WebConsole;

/// <summary>
/// The host's own email and password check, which the console's login form calls: the Owlmetry server's login, with its
/// rate limit applied to the console's login route by the host. An application without one serves the console to
/// users its own authentication already signed in.
/// </summary>
public interface IWebConsoleSignIn
{
    /// <summary>Checks the credentials and issues the token the session cookie carries.</summary>
    /// <param name="email">The email typed.</param>
    /// <param name="password">The password typed.</param>
    /// <param name="ct">Cancels the check.</param>
    /// <returns>The session, or the refusal (invalid input, wrong credentials) with the API's message.</returns>
    Task<IssueResult<WebConsoleSession>> SignInAsync(string? email, string? password, CancellationToken ct = default);
}
