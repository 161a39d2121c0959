namespace Owlmetry.Issues.Host.Contracts;

public sealed record LoginResponse(string Token, UserResponse User, IReadOnlyList<UserTeamResponse> Teams);
