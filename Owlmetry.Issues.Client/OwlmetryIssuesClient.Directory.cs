using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Client;

public sealed partial class OwlmetryIssuesClient
{
    /// <summary>Logs a user in; the answer's <c>token</c> is the bearer credential of a user (see <see cref="OwlmetryIssuesClientOptions.ApiKey"/>).</summary>
    /// <param name="email">The user's email.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The token, the user and their teams.</returns>
    public Task<LoginResponse> LoginAsync(string email, string password, CancellationToken ct = default) =>
        PostAsync<LoginResponse>("v1/auth/login", new LoginRequest(email, password), ct);

    /// <summary>The logged-in user and their teams (a user token only).</summary>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The user and their teams.</returns>
    public Task<SessionResponse> GetCurrentUserAsync(CancellationToken ct = default) => GetAsync<SessionResponse>("v1/auth/me", ct);

    /// <summary>Who the credential is: a user with their teams, or an API key with its team, app and permissions.</summary>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The caller.</returns>
    public async Task<WhoAmIResponse> WhoAmIAsync(CancellationToken ct = default)
    {
        var caller = await GetAsync<WhoAmIResponse>("v1/auth/whoami", ct).ConfigureAwait(false);
        return caller.Type is WhoAmIResponse.UserType or WhoAmIResponse.ApiKeyType && caller.Id != Guid.Empty
            ? caller
            : throw NotTheApi("GET v1/auth/whoami", "no caller (a user or an API key with its id)");
    }

    /// <summary>Creates a team owned by the calling user.</summary>
    /// <param name="team">Its name and slug.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The new team.</returns>
    public Task<TeamResponse> CreateTeamAsync(CreateTeamRequest team, CancellationToken ct = default) => PostAsync<TeamResponse>("v1/teams", team, ct);

    /// <summary>A team with its members.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The team.</returns>
    public Task<TeamDetailResponse> GetTeamAsync(Guid teamId, CancellationToken ct = default) => GetAsync<TeamDetailResponse>($"v1/teams/{Id(teamId)}", ct);

    /// <summary>Adds a member to a team (an admin or owner): an existing user by email, or a new user with a name and password.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="member">The user and the role.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The member.</returns>
    public Task<MemberResponse> AddTeamMemberAsync(Guid teamId, AddMemberRequest member, CancellationToken ct = default) =>
        PostAsync<MemberResponse>($"v1/teams/{Id(teamId)}/members", member, ct);

    /// <summary>
    /// Gives a member of a team another role (an admin or owner; only owners give or take the owner role). The team's
    /// last owner cannot step down (409). The user's tokens carry the new role at once.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="userId">The member's user id.</param>
    /// <param name="role"><c>owner</c>, <c>admin</c> or <c>member</c>.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The member with their new role.</returns>
    public Task<MemberResponse> ChangeTeamMemberRoleAsync(Guid teamId, Guid userId, string role, CancellationToken ct = default) =>
        PatchAsync<MemberResponse>($"v1/teams/{Id(teamId)}/members/{Id(userId)}", new UpdateMemberRequest(role), ct);

    /// <summary>
    /// Removes a member from a team: owners and admins remove others (only owners remove owners), and anyone may
    /// remove themselves to leave. The team's last owner cannot be removed (409). The user's tokens stop reaching the team at once.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="userId">The member's user id.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>When the member is removed.</returns>
    public Task RemoveTeamMemberAsync(Guid teamId, Guid userId, CancellationToken ct = default) =>
        DeleteAsync($"v1/teams/{Id(teamId)}/members/{Id(userId)}", ct);

    /// <summary>
    /// Gives a member of a team a new random password (an owner or admin who administers every team of that user).
    /// The user's earlier tokens stop working.
    /// </summary>
    /// <param name="teamId">A team of the caller's that the user is a member of.</param>
    /// <param name="userId">The user.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The user and their new password, shown only in this answer.</returns>
    public Task<PasswordResetResponse> ResetMemberPasswordAsync(Guid teamId, Guid userId, CancellationToken ct = default) =>
        PostAsync<PasswordResetResponse>($"v1/teams/{Id(teamId)}/members/{Id(userId)}/reset-password", null, ct);

    /// <summary>
    /// Changes the logged-in user's own password. Every earlier token of the user stops working, this client's included:
    /// use the token in the answer from now on.
    /// </summary>
    /// <param name="currentPassword">The password the user has now.</param>
    /// <param name="newPassword">The new password (8 to 200 characters).</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>A new token, the user and their teams, as a login's answer.</returns>
    public Task<LoginResponse> ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default) =>
        PostAsync<LoginResponse>("v1/auth/password", new ChangePasswordRequest(currentPassword, newPassword), ct);

    /// <summary>The projects the caller may see.</summary>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The projects.</returns>
    public async Task<IReadOnlyList<ProjectResponse>> ListProjectsAsync(CancellationToken ct = default) =>
        (await GetAsync<ProjectListResponse>("v1/projects", ct).ConfigureAwait(false)).Projects;

    /// <summary>A project with its apps.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The project.</returns>
    public Task<ProjectDetailResponse> GetProjectAsync(Guid projectId, CancellationToken ct = default) =>
        GetAsync<ProjectDetailResponse>($"v1/projects/{Id(projectId)}", ct);

    /// <summary>Creates a project in a team.</summary>
    /// <param name="project">Its team, name, slug and color.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The new project.</returns>
    public Task<ProjectResponse> CreateProjectAsync(CreateProjectRequest project, CancellationToken ct = default) =>
        PostAsync<ProjectResponse>("v1/projects", project, ct);

    /// <summary>Changes a project's name, color or alert frequency; what is left out is kept.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="changes">The changes.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The changed project.</returns>
    public Task<ProjectResponse> UpdateProjectAsync(Guid projectId, UpdateProjectRequest changes, CancellationToken ct = default) =>
        PatchAsync<ProjectResponse>($"v1/projects/{Id(projectId)}", changes, ct);

    /// <summary>The apps the caller may see, of one team or project when given.</summary>
    /// <param name="teamId">Only this team's apps.</param>
    /// <param name="projectId">Only this project's apps.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The apps.</returns>
    public async Task<IReadOnlyList<AppResponse>> ListAppsAsync(Guid? teamId = null, Guid? projectId = null, CancellationToken ct = default) =>
        (await GetAsync<AppListResponse>(new QueryString().With("team_id", teamId).With("project_id", projectId).Append("v1/apps"), ct).ConfigureAwait(false)).Apps;

    /// <summary>An app.</summary>
    /// <param name="appId">The app.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The app.</returns>
    public Task<AppResponse> GetAppAsync(Guid appId, CancellationToken ct = default) => GetAsync<AppResponse>($"v1/apps/{Id(appId)}", ct);

    /// <summary>Creates an app in a project, with its client key (shown only in this answer).</summary>
    /// <param name="app">Its project, name, platform and bundle id.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The new app with its client key.</returns>
    public Task<CreatedAppResponse> CreateAppAsync(CreateAppRequest app, CancellationToken ct = default) => PostAsync<CreatedAppResponse>("v1/apps", app, ct);

    /// <summary>The API keys the caller may see, without their secrets.</summary>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The keys.</returns>
    public async Task<IReadOnlyList<ApiKeyResponse>> ListApiKeysAsync(CancellationToken ct = default) =>
        (await GetAsync<ApiKeyListResponse>("v1/auth/keys", ct).ConfigureAwait(false)).ApiKeys;

    /// <summary>Creates an API key; its secret is in this answer only.</summary>
    /// <param name="key">Its name, kind, team or app, permissions and expiry.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The new key with its secret.</returns>
    public async Task<CreatedApiKeyResponse> CreateApiKeyAsync(CreateApiKeyRequest key, CancellationToken ct = default) =>
        (await PostAsync<CreateApiKeyResponse>("v1/auth/keys", key, ct).ConfigureAwait(false)).ApiKey;

    /// <summary>Revokes an API key: it stops working at once.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>When it is revoked.</returns>
    public Task RevokeApiKeyAsync(Guid keyId, CancellationToken ct = default) => DeleteAsync($"v1/auth/keys/{Id(keyId)}", ct);

    /// <summary>
    /// A team's webhooks. A caller who may not manage them (a member, a key without <c>projects:write</c>) sees each URL
    /// only as its scheme, host and port followed by <c>/****</c>.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The webhooks.</returns>
    public async Task<IReadOnlyList<WebhookResponse>> ListWebhooksAsync(Guid teamId, CancellationToken ct = default) =>
        (await GetAsync<WebhookListResponse>($"v1/teams/{Id(teamId)}/webhooks", ct).ConfigureAwait(false)).Webhooks;

    /// <summary>Creates a webhook of a team; its signing secret is in this answer only.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="webhook">Its URL, secret and notification types.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The new webhook with its secret.</returns>
    public Task<CreatedWebhookResponse> CreateWebhookAsync(Guid teamId, CreateWebhookRequest webhook, CancellationToken ct = default) =>
        PostAsync<CreatedWebhookResponse>($"v1/teams/{Id(teamId)}/webhooks", webhook, ct);

    /// <summary>Deletes a webhook.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>When it is deleted.</returns>
    public Task DeleteWebhookAsync(Guid teamId, Guid webhookId, CancellationToken ct = default) =>
        DeleteAsync($"v1/teams/{Id(teamId)}/webhooks/{Id(webhookId)}", ct);

    /// <summary>A webhook's recent deliveries, newest first.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The deliveries.</returns>
    public async Task<IReadOnlyList<WebhookDeliveryResponse>> ListWebhookDeliveriesAsync(Guid teamId, Guid webhookId, CancellationToken ct = default) =>
        (await GetAsync<WebhookDeliveryListResponse>($"v1/teams/{Id(teamId)}/webhooks/{Id(webhookId)}/deliveries", ct).ConfigureAwait(false)).Deliveries;

    /// <summary>Whether the server answers (<c>GET /health</c>, no credential needed).</summary>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The answer, whose status is <c>ok</c>.</returns>
    public Task<HealthResponse> GetHealthAsync(CancellationToken ct = default) => GetAsync<HealthResponse>("health", ct);
}
