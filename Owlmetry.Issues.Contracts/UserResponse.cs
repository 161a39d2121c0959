namespace Owlmetry.Issues.Contracts;

/// <summary>A user.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Email">Their email.</param>
/// <param name="Name">Their name.</param>
public sealed record UserResponse(Guid Id, string Email, string Name);
