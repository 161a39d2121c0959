namespace Owlmetry.Issues.Contracts;

/// <summary>A successful login.</summary>
/// <param name="Token">The user token, to send as a bearer token.</param>
/// <param name="User">The user.</param>
/// <param name="Teams">The user's teams and roles.</param>
public sealed record LoginResponse(string Token, UserResponse User, IReadOnlyList<UserTeamResponse> Teams);
