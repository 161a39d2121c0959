namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/teams/:teamId/members</c>: an existing user by email, or a new one with a name and password.</summary>
/// <param name="Email">The user's email.</param>
/// <param name="Name">The new user's name; only when the email has no account yet.</param>
/// <param name="Password">The new user's password; only when the email has no account yet.</param>
/// <param name="Role"><c>owner</c>, <c>admin</c> or <c>member</c> (the default).</param>
public sealed record AddMemberRequest(string? Email, string? Name = null, string? Password = null, string? Role = null);
