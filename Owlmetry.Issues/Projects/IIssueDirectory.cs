namespace Owlmetry.Issues.Projects;

/// <summary>
/// What the library needs to know of the host's projects and apps: which team owns a project (for
/// authorization) and the names shown beside issues. The self-hosted server keeps them beside the issues; an
/// embedding application maps its own tenants.
/// </summary>
public interface IIssueDirectory
{
    /// <summary>The project, or null when it does not exist or is deleted.</summary>
    ValueTask<ProjectInfo?> FindProjectAsync(Guid projectId, CancellationToken ct = default);

    /// <summary>The live projects of the given teams.</summary>
    ValueTask<IReadOnlyList<ProjectInfo>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default);

    /// <summary>The app, or null when it does not exist.</summary>
    ValueTask<AppInfo?> FindAppAsync(Guid appId, CancellationToken ct = default);
}
