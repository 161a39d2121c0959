namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>PATCH /v1/teams/:teamId/members/:userId</c>: the member's new role.</summary>
/// <param name="Role"><c>owner</c>, <c>admin</c> or <c>member</c>.</param>
public sealed record UpdateMemberRequest(string? Role);
