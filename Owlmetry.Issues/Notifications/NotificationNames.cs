using Owlmetry.Issues.Projects;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// The directory's projects and app names for one unit of work, read before it: the directory is asynchronous and
/// a unit's delegate is not. A project missing here (deleted) has no team to tell.
/// </summary>
internal sealed class NotificationNames(IReadOnlyDictionary<Guid, ProjectInfo> projects, IReadOnlyDictionary<Guid, string> apps)
{
    public ProjectInfo? Project(Guid projectId) => projects.GetValueOrDefault(projectId);

    // An app removed since its events arrived still has issues worth telling; it just has no name left.
    public string AppName(Guid appId) => apps.GetValueOrDefault(appId) ?? string.Empty;

    public static async Task<NotificationNames> ResolveAsync(
        IIssueDirectory directory, IEnumerable<Guid> projectIds, IEnumerable<Guid> appIds, CancellationToken ct)
    {
        var projects = new Dictionary<Guid, ProjectInfo>();
        foreach (var projectId in projectIds.Distinct())
        {
            if (await directory.FindProjectAsync(projectId, ct).ConfigureAwait(false) is { } project)
            {
                projects[projectId] = project;
            }
        }

        var apps = new Dictionary<Guid, string>();
        foreach (var appId in appIds.Distinct())
        {
            if (await directory.FindAppAsync(appId, ct).ConfigureAwait(false) is { } app)
            {
                apps[appId] = app.Name;
            }
        }

        return new NotificationNames(projects, apps);
    }
}
