namespace Owlmetry.Issues.Contracts;

/// <summary>The answer of <c>POST /v1/teams/:teamId/members/:userId/reset-password</c>: a new random password, shown only here.</summary>
/// <param name="User">The user whose password was reset.</param>
/// <param name="Password">Their new password; their earlier sessions and tokens no longer work.</param>
public sealed record PasswordResetResponse(UserResponse User, string Password);
