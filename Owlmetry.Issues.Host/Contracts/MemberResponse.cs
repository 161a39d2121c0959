namespace Owlmetry.Issues.Host.Contracts;

// user_id repeats id for clients of the reference server, which names the member by user_id.
public sealed record MemberResponse(Guid Id, Guid UserId, string Email, string Name, string Role, DateTimeOffset JoinedAt);
