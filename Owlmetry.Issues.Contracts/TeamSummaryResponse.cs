namespace Owlmetry.Issues.Contracts;

/// <summary>A team by id, name and slug.</summary>
/// <param name="Id">The team's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its slug.</param>
public sealed record TeamSummaryResponse(Guid Id, string Name, string Slug);
