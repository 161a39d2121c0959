using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Auth;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private static readonly IssueError s_appNotFound = IssueError.NotFound("App not found");

    /// <summary>
    /// The apps of the live projects of every team the caller is in, or of one team (a team the caller is not in
    /// lists nothing, as the reference does) or one project (one the caller cannot see is not found); oldest first.
    /// </summary>
    public async Task<IssueResult<IReadOnlyList<TeamApp>>> ListAppsAsync(Actor actor, Guid? teamId, Guid? projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.AppsRead))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.AppsRead);
        }

        if (projectId is { } onlyProject && await FindVisibleProjectAsync(actor, onlyProject, ct) is null)
        {
            return s_projectNotFound;
        }

        Guid[] teamIds = teamId is { } onlyTeam ? (actor.IsIn(onlyTeam) ? [onlyTeam] : []) : [.. actor.Teams.Keys];
        var projects = teamIds.Length == 0 ? [] : await store.ListProjectsAsync(teamIds, ct);
        var apps = new List<TeamApp>();
        foreach (var project in projects.Where(p => p.DeletedAt is null && (projectId is null || p.Id == projectId)))
        {
            apps.AddRange((await store.ListAppsAsync(project.Id, ct)).Select(app => new TeamApp(app, project.TeamId)));
        }

        return IssueResult<IReadOnlyList<TeamApp>>.Success(apps.OrderBy(a => a.App.CreatedAt).ThenBy(a => a.App.Id).ToList());
    }

    /// <summary>An app of a live project of one of the caller's teams; any other is not found.</summary>
    public async Task<IssueResult<TeamApp>> GetAppAsync(Actor actor, Guid appId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.AppsRead))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.AppsRead);
        }

        var app = await store.FindAppAsync(appId, ct);
        var project = app is null ? null : await FindVisibleProjectAsync(actor, app.ProjectId, ct);
        return project is null ? s_appNotFound : new TeamApp(app!, project.TeamId);
    }

    public async Task<IssueResult<CreatedApp>> CreateAppAsync(Actor actor, CreateAppRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.AppsWrite))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.AppsWrite);
        }

        var projectId = DirectoryInput.Id(body?.ProjectId, "project_id");
        var name = DirectoryInput.Name(body?.Name);
        if (!projectId.IsSuccess || !name.IsSuccess)
        {
            return projectId.Error ?? name.Error!;
        }

        var platform = body!.Platform;
        if (platform is null || !AppPlatforms.All.Contains(platform))
        {
            return DirectoryInput.OneOf("platform", AppPlatforms.All);
        }

        var bundleId = string.IsNullOrWhiteSpace(body.BundleId) ? null : body.BundleId.Trim();
        if (bundleId is null && platform != AppPlatforms.Backend)
        {
            return IssueError.Invalid("bundle_id is required except for backend apps");
        }

        if (bundleId?.Length > DirectoryInput.MaxNameLength)
        {
            return IssueError.Invalid($"bundle_id must be at most {DirectoryInput.MaxNameLength} characters");
        }

        if (await FindVisibleProjectAsync(actor, projectId.Value, ct) is not { } project)
        {
            return s_projectNotFound;
        }

        if (!CanManage(actor, project.TeamId))
        {
            return IssueError.Forbidden("Only team owners and admins can manage apps");
        }

        var maxApps = limits.Value.MaxAppsPerProject;
        if ((await store.ListAppsAsync(project.Id, ct)).Count >= maxApps)
        {
            return IssueError.Conflict($"A project has at most {maxApps} apps");
        }

        // The app comes with its client key, which counts against the team's keys.
        if (await RefuseKeysOverLimitAsync(project.TeamId, ct) is { } tooManyKeys)
        {
            return tooManyKeys;
        }

        var now = Now;
        var app = new App(Guid.NewGuid(), project.Id, name.Value, platform, bundleId, now);
        var secret = ApiKeySecrets.Generate(ApiKeyType.Client);
        var clientKey = new ApiKey(
            Guid.NewGuid(), $"{app.Name} client key", ApiKeyType.Client, ApiKeySecrets.Hash(secret), project.TeamId, app.Id,
            ApiKeyPermissions.Client, actor.Kind == ActorKind.User ? actor.Id : null, now, null);
        await store.AddAppWithClientKeyAsync(app, clientKey, ct);
        return new CreatedApp(app, project.TeamId, secret);
    }
}
