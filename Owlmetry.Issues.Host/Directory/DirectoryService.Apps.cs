using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Contracts;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
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
