namespace Owlmetry.Issues.WebConsole;

/// <summary>What <c>MapOwlmetryWebConsole</c> mapped, for the host's conventions on them.</summary>
/// <param name="Login">The login route: the host puts its login rate limit on it.</param>
/// <param name="All">Every route of the console.</param>
public sealed record WebConsoleEndpoints(RouteHandlerBuilder Login, RouteGroupBuilder All);
