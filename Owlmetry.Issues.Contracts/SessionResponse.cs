namespace Owlmetry.Issues.Contracts;

/// <summary>The logged-in user and their teams, as <c>GET /v1/auth/me</c> answers.</summary>
/// <param name="User">The user.</param>
/// <param name="Teams">The user's teams and roles.</param>
public sealed record SessionResponse(UserResponse User, IReadOnlyList<UserTeamResponse> Teams);
