namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/auth/login</c>.</summary>
/// <param name="Email">The user's email.</param>
/// <param name="Password">The user's password.</param>
public sealed record LoginRequest(string? Email, string? Password);
