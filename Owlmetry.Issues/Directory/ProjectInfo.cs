namespace Owlmetry.Issues;

/// <summary>A project as the issue library sees it.</summary>
/// <param name="Id">The project id.</param>
/// <param name="TeamId">The team that owns the project.</param>
/// <param name="Name">The display name (<c>project_name</c>).</param>
public sealed record ProjectInfo(Guid Id, Guid TeamId, string Name);
