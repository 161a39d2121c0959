namespace Owlmetry.Issues.WebConsole;

/// <summary>The body of the console's <c>POST /console/login</c>.</summary>
/// <param name="Email">The email.</param>
/// <param name="Password">The password.</param>
public sealed record WebConsoleLoginRequest(string? Email, string? Password);
