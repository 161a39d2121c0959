using System.Collections.Concurrent;

namespace Owlmetry.Issues.Projects;

/// <summary>A thread-safe in-memory <see cref="IIssueDirectory"/> for tests and hosts with a fixed set of projects.</summary>
public sealed class InMemoryIssueDirectory : IIssueDirectory
{
    private readonly ConcurrentDictionary<Guid, ProjectInfo> _projects = new();
    private readonly ConcurrentDictionary<Guid, AppInfo> _apps = new();

    /// <summary>Adds or replaces a project.</summary>
    /// <returns>The project.</returns>
    public ProjectInfo AddProject(ProjectInfo project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return _projects[project.Id] = project;
    }

    /// <summary>Adds or replaces an app.</summary>
    /// <returns>The app.</returns>
    public AppInfo AddApp(AppInfo app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return _apps[app.Id] = app;
    }

    /// <summary>Removes a project, as deleting it would: its issues become unreachable.</summary>
    public void RemoveProject(Guid projectId) => _projects.TryRemove(projectId, out _);

    /// <inheritdoc />
    public ValueTask<ProjectInfo?> FindProjectAsync(Guid projectId, CancellationToken ct = default) =>
        ValueTask.FromResult(_projects.GetValueOrDefault(projectId));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ProjectInfo>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        ValueTask.FromResult<IReadOnlyList<ProjectInfo>>(_projects.Values.Where(p => teamIds.Contains(p.TeamId)).ToList());

    /// <inheritdoc />
    public ValueTask<AppInfo?> FindAppAsync(Guid appId, CancellationToken ct = default) =>
        ValueTask.FromResult(_apps.GetValueOrDefault(appId));
}
