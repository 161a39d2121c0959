namespace Owlmetry.Issues.Host.Contracts;

public sealed record SessionResponse(UserResponse User, IReadOnlyList<UserTeamResponse> Teams);
