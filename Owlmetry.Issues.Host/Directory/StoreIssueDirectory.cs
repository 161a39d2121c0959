using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>Serves the issue library's view of projects and apps from the server's own directory.</summary>
internal sealed class StoreIssueDirectory(IDirectoryStore store) : IIssueDirectory
{
    public async ValueTask<ProjectInfo?> FindProjectAsync(Guid projectId, CancellationToken ct = default) =>
        await store.FindProjectAsync(projectId, ct) is { DeletedAt: null } project ? ToInfo(project) : null;

    public async ValueTask<IReadOnlyList<ProjectInfo>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        (await store.ListProjectsAsync(teamIds, ct)).Where(p => p.DeletedAt is null).Select(ToInfo).ToList();

    public async ValueTask<AppInfo?> FindAppAsync(Guid appId, CancellationToken ct = default) =>
        await store.FindAppAsync(appId, ct) is { } app ? new AppInfo(app.Id, app.ProjectId, app.Name, app.Platform, app.BundleId) : null;

    private static ProjectInfo ToInfo(Project project) => new(
        project.Id, project.TeamId, project.Name,
        WireNames.TryParse<IssueAlertFrequency>(project.IssueAlertFrequency, out var frequency) ? frequency : null);
}
