namespace Owlmetry.Issues.Contracts;

/// <summary>A team.</summary>
/// <param name="Id">The team's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record TeamResponse(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt);
