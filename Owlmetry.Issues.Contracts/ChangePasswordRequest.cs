namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/auth/password</c>: the caller changes their own password.</summary>
/// <param name="CurrentPassword">The password the caller has now.</param>
/// <param name="NewPassword">The new password (8 to 200 characters).</param>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
