namespace Owlmetry.Issues.Contracts;

/// <summary>A team of a user, with the user's role in it.</summary>
/// <param name="Id">The team's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Role"><c>owner</c>, <c>admin</c> or <c>member</c>.</param>
public sealed record UserTeamResponse(Guid Id, string Name, string Slug, string Role);
