namespace Owlmetry.Issues.Contracts;

/// <summary>A list of projects.</summary>
/// <param name="Projects">The projects.</param>
public sealed record ProjectListResponse(IReadOnlyList<ProjectResponse> Projects);
