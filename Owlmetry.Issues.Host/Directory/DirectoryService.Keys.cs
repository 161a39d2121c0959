using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Auth;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private const int MaxKeyLifetimeDays = 3650;
    private static readonly IssueError s_usersOnlyManageKeys = IssueError.Forbidden("Only users can manage API keys");
    private static readonly IssueError s_cannotManageKeys = IssueError.Forbidden("Only team owners and admins can manage API keys");
    private static readonly IssueError s_keyNotFound = IssueError.NotFound("API key not found");

    public async Task<IssueResult<CreatedApiKey>> CreateKeyAsync(Actor actor, CreateApiKeyRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return s_usersOnlyManageKeys;
        }

        var name = DirectoryInput.Name(body?.Name);
        if (!name.IsSuccess)
        {
            return name.Error;
        }

        if (!WireNames.TryParse<ApiKeyType>(body!.KeyType, out var type))
        {
            return DirectoryInput.OneOf("key_type", WireNames.All<ApiKeyType>());
        }

        var appId = DirectoryInput.OptionalId(body.AppId, "app_id");
        var teamId = DirectoryInput.OptionalId(body.TeamId, "team_id");
        var permissions = ParsePermissions(type, body.Permissions);
        if (!appId.IsSuccess || !teamId.IsSuccess || !permissions.IsSuccess)
        {
            return appId.Error ?? teamId.Error ?? permissions.Error!;
        }

        if (type == ApiKeyType.Client && appId.Value is null)
        {
            return IssueError.Invalid("Client keys require an app_id");
        }

        if (appId.Value is null && teamId.Value is null)
        {
            return IssueError.Invalid("Agent keys require a team_id or app_id");
        }

        if (body.ExpiresInDays is < 1 or > MaxKeyLifetimeDays)
        {
            return IssueError.Invalid($"expires_in_days must be between 1 and {MaxKeyLifetimeDays}");
        }

        var owningTeam = await ResolveKeyTeamAsync(actor, appId.Value, teamId.Value, ct);
        if (!owningTeam.IsSuccess)
        {
            return owningTeam.Error;
        }

        if (!actor.IsTeamAdmin(owningTeam.Value))
        {
            return s_cannotManageKeys;
        }

        if (await RefuseKeysOverLimitAsync(owningTeam.Value, ct) is { } tooManyKeys)
        {
            return tooManyKeys;
        }

        var now = Now;
        var secret = ApiKeySecrets.Generate(type);
        var key = new ApiKey(
            Guid.NewGuid(), name.Value, type, ApiKeySecrets.Hash(secret), owningTeam.Value, appId.Value, permissions.Value, actor.Id, now,
            body.ExpiresInDays is { } days ? now.AddDays(days) : null);
        await store.SaveKeyAsync(key, ct);
        return new CreatedApiKey(key, secret);
    }

    /// <summary>The live keys of the teams the caller manages; a team where the caller is a plain member shows none.</summary>
    public async Task<IssueResult<IReadOnlyList<ApiKey>>> ListKeysAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return s_usersOnlyManageKeys;
        }

        var managed = actor.Teams.Where(t => t.Value >= TeamRole.Admin).Select(t => t.Key).ToList();
        var keys = managed.Count == 0 ? [] : await store.ListKeysAsync(managed, ct);
        return IssueResult<IReadOnlyList<ApiKey>>.Success(keys.Where(k => k.RevokedAt is null).ToList());
    }

    public async Task<IssueResult<ApiKey>> RevokeKeyAsync(Actor actor, Guid keyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return s_usersOnlyManageKeys;
        }

        var key = await store.FindKeyAsync(keyId, ct);
        if (key is null || key.RevokedAt is not null || !actor.IsIn(key.TeamId))
        {
            return s_keyNotFound;
        }

        if (!actor.IsTeamAdmin(key.TeamId))
        {
            return s_cannotManageKeys;
        }

        var revoked = key with { RevokedAt = Now };
        await store.SaveKeyAsync(revoked, ct);
        if (key.KeyType == ApiKeyType.Agent)
        {
            await EndClaimsOfFormerHolderAsync(ActorKind.Agent, key.Id, key.TeamId, ct);
        }

        return revoked;
    }

    // Checked before the insert: creates racing past the bound add at most one key each.
    private async Task<IssueError?> RefuseKeysOverLimitAsync(Guid teamId, CancellationToken ct)
    {
        var now = Now;
        var maxKeys = limits.Value.MaxKeysPerTeam;
        var liveKeys = (await store.ListKeysAsync([teamId], ct)).Count(k => k.RevokedAt is null && !(k.ExpiresAt <= now));
        return liveKeys >= maxKeys ? IssueError.Conflict($"A team has at most {maxKeys} live API keys; revoke one to create another") : null;
    }

    private async Task<IssueResult<Guid>> ResolveKeyTeamAsync(Actor actor, Guid? appId, Guid? teamId, CancellationToken ct)
    {
        if (appId is not { } id)
        {
            return await FindVisibleTeamAsync(actor, teamId!.Value, ct) is { } team ? team.Id : s_teamNotFound;
        }

        var app = await store.FindAppAsync(id, ct);
        var project = app is null ? null : await FindVisibleProjectAsync(actor, app.ProjectId, ct);
        if (project is null)
        {
            return s_appNotFound;
        }

        return teamId is null || teamId == project.TeamId ? project.TeamId : IssueError.Invalid("app_id is not an app of team_id");
    }

    private static IssueResult<IReadOnlyList<string>> ParsePermissions(ApiKeyType type, IReadOnlyList<string?>? requested)
    {
        if (requested is null)
        {
            return IssueResult<IReadOnlyList<string>>.Success(type == ApiKeyType.Client ? ApiKeyPermissions.Client : ApiKeyPermissions.AgentDefault);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in requested)
        {
            if (permission is null || !ApiKeyPermissions.All.Contains(permission))
            {
                return IssueError.Invalid($"Unknown permission: {Shorten(permission)}; valid values: {string.Join(", ", ApiKeyPermissions.All)}");
            }

            if (!seen.Add(permission))
            {
                return IssueError.Invalid($"Duplicate permission: {permission}");
            }
        }

        if (type == ApiKeyType.Client && !seen.SetEquals(ApiKeyPermissions.Client))
        {
            return IssueError.Invalid($"Client keys carry exactly the {ApiKeyPermissions.EventsWrite} permission");
        }

        return seen.Count == 0
            ? IssueError.Invalid("permissions must not be empty")
            : IssueResult<IReadOnlyList<string>>.Success(requested.Select(p => p!).ToList());
    }

    private static string Shorten(string? value) => value is null ? "null" : value.Length <= 64 ? value : value[..64] + "…";
}
