namespace Owlmetry.Issues.Contracts;

// user_id repeats id for clients of the reference server, which names the member by user_id.
/// <summary>A member of a team.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="UserId">The user's id again, as the reference names it.</param>
/// <param name="Email">The user's email.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Role"><c>owner</c>, <c>admin</c> or <c>member</c>.</param>
/// <param name="JoinedAt">When the user joined the team.</param>
public sealed record MemberResponse(Guid Id, Guid UserId, string Email, string Name, string Role, DateTimeOffset JoinedAt);
