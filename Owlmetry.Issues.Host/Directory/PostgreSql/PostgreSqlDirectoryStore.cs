using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Storage.PostgreSql;
using static Owlmetry.Issues.Host.Directory.PostgreSql.DirectoryRows;

namespace Owlmetry.Issues.Host.Directory.PostgreSql;

/// <summary>
/// The directory in PostgreSQL, beside the issue store's tables, shared by every server on the database. Unique
/// indexes refuse a second user with an email (in any case), a second team with a slug, a second live project with a
/// slug in its team and a second key with a secret; the records written together commit together. The lookups every
/// request makes (key, user, project, app, the projects of the caller's teams) are served from a
/// <see cref="DirectoryLookupCache"/> that every write on any server empties.
/// </summary>
internal sealed partial class PostgreSqlDirectoryStore(HostDatabase database, ILogger<PostgreSqlDirectoryStore>? logger = null) : IDirectoryStore, IDisposable
{
    private readonly string _s = database.Schema;
    private readonly DirectoryLookupCache _lookups = new(new DirectoryChangeFeed(database, logger ?? (ILogger)NullLogger.Instance));

    /// <summary>The feed of directory changes the lookups follow.</summary>
    internal DirectoryChangeFeed Changes => _lookups.Changes;

    public Task<bool> IsEmptyAsync(CancellationToken ct = default) => database.ReadAsync(connection => IsEmptyAsync(connection, ct), ct);

    public Task<User?> FindUserAsync(Guid userId, CancellationToken ct = default) => _lookups.GetOrReadAsync("user", userId.ToString(), () => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {UserColumns} FROM {_s}.dir_users WHERE id = $1", ToUser, ct, Param.Id(userId)),
        ct));

    public Task<User?> FindUserByEmailAsync(string email, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return database.ReadAsync(
            connection => HostDatabase.SingleAsync(
                connection, $"SELECT {UserColumns} FROM {_s}.dir_users WHERE email_key = $1", ToUser, ct, Param.Text(email.ToLowerInvariant())),
            ct);
    }

    public Task AddUserAsync(User user, CancellationToken ct = default) => WriteAsync(connection => InsertUserAsync(connection, user, ct), Conflict(user), ct);

    public Task<bool> SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken ct = default) => ChangeAsync(
        async connection => await HostDatabase.ExecuteAsync(
            connection, $"UPDATE {_s}.dir_users SET password_hash = $2 WHERE id = $1", ct, Param.Id(userId), Param.Text(passwordHash)).ConfigureAwait(false) == 1,
        _ => null,
        ct);

    public Task AddMemberAsync(User newUser, Membership membership, CancellationToken ct = default) => WriteAsync(
        async connection =>
        {
            await InsertUserAsync(connection, newUser, ct).ConfigureAwait(false);
            await InsertMembershipAsync(connection, membership, ct).ConfigureAwait(false);
        },
        Conflict(newUser),
        ct);

    public Task<Team?> FindTeamAsync(Guid teamId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {TeamColumns} FROM {_s}.dir_teams WHERE id = $1", ToTeam, ct, Param.Id(teamId)),
        ct);

    public Task<Team?> FindTeamBySlugAsync(string slug, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {TeamColumns} FROM {_s}.dir_teams WHERE slug = $1", ToTeam, ct, Param.Text(slug)),
        ct);

    public Task AddTeamAsync(Team team, Membership owner, CancellationToken ct = default) => WriteAsync(
        async connection =>
        {
            await InsertTeamAsync(connection, team, ct).ConfigureAwait(false);
            await InsertMembershipAsync(connection, owner, ct).ConfigureAwait(false);
        },
        Conflict(team),
        ct);

    public Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection, $"SELECT {MembershipColumns} FROM {_s}.dir_memberships WHERE user_id = $1 ORDER BY created_at, seq", ToMembership, ct, Param.Id(userId)),
        ct);

    public Task<IReadOnlyList<Membership>> ListMembershipsOfTeamAsync(Guid teamId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection, $"SELECT {MembershipColumns} FROM {_s}.dir_memberships WHERE team_id = $1 ORDER BY created_at, seq", ToMembership, ct, Param.Id(teamId)),
        ct);

    public Task AddMembershipAsync(Membership membership, CancellationToken ct = default) =>
        WriteAsync(
            connection => InsertMembershipAsync(connection, membership, ct),
            constraint => constraint == "dir_memberships_pkey" ? DirectoryConflictException.AlreadyMember : null,
            ct);

    public Task<MembershipChange> RemoveMembershipAsync(Guid teamId, Guid userId, CancellationToken ct = default) => ChangeMembershipAsync(
        teamId,
        userId,
        removesOwner: true,
        connection => HostDatabase.ExecuteAsync(
            connection, $"DELETE FROM {_s}.dir_memberships WHERE team_id = $1 AND user_id = $2", ct, Param.Id(teamId), Param.Id(userId)),
        ct);

    public Task<MembershipChange> ChangeMembershipRoleAsync(Guid teamId, Guid userId, TeamRole role, CancellationToken ct = default) => ChangeMembershipAsync(
        teamId,
        userId,
        removesOwner: role != TeamRole.Owner,
        connection => HostDatabase.ExecuteAsync(
            connection, $"UPDATE {_s}.dir_memberships SET role = $3 WHERE team_id = $1 AND user_id = $2", ct, Param.Id(teamId), Param.Id(userId), Param.Name(role)),
        ct);

    // The team's membership rows are locked first: a second change waits, then counts the owners left by the first.
    private Task<MembershipChange> ChangeMembershipAsync(
        Guid teamId, Guid userId, bool removesOwner, Func<NpgsqlConnection, Task> change, CancellationToken ct) => ChangeAsync(
        async connection =>
        {
            var members = await HostDatabase.ListAsync(
                connection, $"SELECT {MembershipColumns} FROM {_s}.dir_memberships WHERE team_id = $1 FOR UPDATE", ToMembership, ct, Param.Id(teamId)).ConfigureAwait(false);
            if (members.FirstOrDefault(m => m.UserId == userId) is not { } membership)
            {
                return MembershipChange.NotFound;
            }

            if (removesOwner && membership.Role == TeamRole.Owner && members.Count(m => m.Role == TeamRole.Owner) == 1)
            {
                return MembershipChange.LastOwner;
            }

            await change(connection).ConfigureAwait(false);
            return MembershipChange.Applied;
        },
        _ => null,
        ct);

    public Task<Project?> FindProjectAsync(Guid projectId, CancellationToken ct = default) => _lookups.GetOrReadAsync("project", projectId.ToString(), () => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {ProjectColumns} FROM {_s}.dir_projects WHERE id = $1", ToProject, ct, Param.Id(projectId)),
        ct));

    public async Task<IReadOnlyList<Project>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        (await _lookups.GetOrReadAsync<IReadOnlyList<Project>>("projects of teams", string.Join(',', teamIds.Order()), async () => await database.ReadAsync(
            connection => HostDatabase.ListAsync(
                connection, $"SELECT {ProjectColumns} FROM {_s}.dir_projects WHERE team_id = ANY($1) ORDER BY created_at, seq", ToProject, ct, Param.Ids(teamIds)),
            ct).ConfigureAwait(false)).ConfigureAwait(false))!;

    public Task SaveProjectAsync(Project project, CancellationToken ct = default) => WriteAsync(
        connection => UpsertProjectAsync(connection, project, ct),
        constraint => constraint == "dir_projects_live_slug" ? $"A project with slug '{project.Slug}' already exists in this team." : null,
        ct);

    public Task<App?> FindAppAsync(Guid appId, CancellationToken ct = default) => _lookups.GetOrReadAsync("app", appId.ToString(), () => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {AppColumns} FROM {_s}.dir_apps WHERE id = $1", ToApp, ct, Param.Id(appId)),
        ct));

    public Task<IReadOnlyList<App>> ListAppsAsync(Guid projectId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection, $"SELECT {AppColumns} FROM {_s}.dir_apps WHERE project_id = $1 ORDER BY created_at, seq", ToApp, ct, Param.Id(projectId)),
        ct);

    public Task AddAppAsync(App app, CancellationToken ct = default) => WriteAsync(connection => InsertAppAsync(connection, app, ct), _ => null, ct);

    public Task AddAppWithClientKeyAsync(App app, ApiKey clientKey, CancellationToken ct = default) => WriteAsync(
        async connection =>
        {
            await InsertAppAsync(connection, app, ct).ConfigureAwait(false);
            await UpsertKeyAsync(connection, clientKey, insertOnly: true, ct).ConfigureAwait(false);
        },
        _ => null,
        ct);

    public Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {KeyColumns} FROM {_s}.dir_keys WHERE id = $1", ToKey, ct, Param.Id(keyId)),
        ct);

    public Task<ApiKey?> FindKeyBySecretHashAsync(string secretHash, CancellationToken ct = default) => _lookups.GetOrReadAsync("key", secretHash, () => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {KeyColumns} FROM {_s}.dir_keys WHERE secret_hash = $1", ToKey, ct, Param.Text(secretHash)),
        ct));

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection, $"SELECT {KeyColumns} FROM {_s}.dir_keys WHERE team_id = ANY($1) ORDER BY created_at, seq", ToKey, ct, Param.Ids(teamIds)),
        ct);

    public Task SaveKeyAsync(ApiKey key, CancellationToken ct = default) =>
        WriteAsync(connection => UpsertKeyAsync(connection, key, insertOnly: false, ct), _ => null, ct);

    public Task<bool> TrySeedAsync(DirectorySeed seed, CancellationToken ct = default) => ChangeAsync(
        async connection =>
        {
            // Servers starting together on an empty database: one seeds, the others wait here and find it seeded.
            await database.LockAsync(connection, "seed", ct).ConfigureAwait(false);
            if (!await IsEmptyAsync(connection, ct).ConfigureAwait(false))
            {
                return false;
            }

            await InsertUserAsync(connection, seed.Owner, ct).ConfigureAwait(false);
            await InsertTeamAsync(connection, seed.Team, ct).ConfigureAwait(false);
            await InsertMembershipAsync(connection, seed.OwnerMembership, ct).ConfigureAwait(false);
            await UpsertProjectAsync(connection, seed.Project, ct).ConfigureAwait(false);
            await InsertAppAsync(connection, seed.App, ct).ConfigureAwait(false);
            foreach (var key in seed.Keys)
            {
                await UpsertKeyAsync(connection, key, insertOnly: true, ct).ConfigureAwait(false);
            }

            return true;
        },
        _ => null,
        ct);

    private Task<bool> IsEmptyAsync(NpgsqlConnection connection, CancellationToken ct) => ScalarAsync(
        connection, $"SELECT NOT EXISTS (SELECT 1 FROM {_s}.dir_users) AND NOT EXISTS (SELECT 1 FROM {_s}.dir_teams)", ct);

    private static async Task<bool> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (bool)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private Task InsertUserAsync(NpgsqlConnection connection, User user, CancellationToken ct) => HostDatabase.ExecuteAsync(
        connection,
        $"INSERT INTO {_s}.dir_users (id, email, email_key, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        ct,
        Param.Id(user.Id), Param.Text(user.Email), Param.Text(user.Email.ToLowerInvariant()), Param.Text(user.Name), Param.Text(user.PasswordHash),
        Param.Time(user.CreatedAt));

    private Task InsertTeamAsync(NpgsqlConnection connection, Team team, CancellationToken ct) => HostDatabase.ExecuteAsync(
        connection,
        $"INSERT INTO {_s}.dir_teams (id, name, slug, created_at) VALUES ($1, $2, $3, $4)",
        ct,
        Param.Id(team.Id), Param.Text(team.Name), Param.Text(team.Slug), Param.Time(team.CreatedAt));

    private Task InsertMembershipAsync(NpgsqlConnection connection, Membership membership, CancellationToken ct) => HostDatabase.ExecuteAsync(
        connection,
        $"""
        INSERT INTO {_s}.dir_memberships (team_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
        """,
        ct,
        Param.Id(membership.TeamId), Param.Id(membership.UserId), Param.Name(membership.Role), Param.Time(membership.CreatedAt));

    private Task UpsertProjectAsync(NpgsqlConnection connection, Project project, CancellationToken ct) => HostDatabase.ExecuteAsync(
        connection,
        $"""
        INSERT INTO {_s}.dir_projects (id, team_id, name, slug, issue_alert_frequency, created_at, deleted_at, color)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (team_id, id) DO UPDATE SET name = excluded.name, slug = excluded.slug, issue_alert_frequency = excluded.issue_alert_frequency,
            created_at = excluded.created_at, deleted_at = excluded.deleted_at, color = excluded.color
        """,
        ct,
        Param.Id(project.Id), Param.Id(project.TeamId), Param.Text(project.Name), Param.Text(project.Slug), Param.Text(project.IssueAlertFrequency),
        Param.Time(project.CreatedAt), Param.Time(project.DeletedAt), Param.Text(project.Color));

    private Task InsertAppAsync(NpgsqlConnection connection, App app, CancellationToken ct) => HostDatabase.ExecuteAsync(
        connection,
        $"INSERT INTO {_s}.dir_apps (id, project_id, name, platform, bundle_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        ct,
        Param.Id(app.Id), Param.Id(app.ProjectId), Param.Text(app.Name), Param.Text(app.Platform), Param.Text(app.BundleId), Param.Time(app.CreatedAt));

    private Task UpsertKeyAsync(NpgsqlConnection connection, ApiKey key, bool insertOnly, CancellationToken ct) => HostDatabase.ExecuteAsync(
        connection,
        $"""
        INSERT INTO {_s}.dir_keys (id, name, key_type, secret_hash, team_id, app_id, permissions, created_by_user_id, created_at, expires_at, revoked_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """ + (insertOnly ? "" : """
            
            ON CONFLICT (team_id, id) DO UPDATE SET name = excluded.name, key_type = excluded.key_type, secret_hash = excluded.secret_hash,
                app_id = excluded.app_id, permissions = excluded.permissions, created_by_user_id = excluded.created_by_user_id,
                created_at = excluded.created_at, expires_at = excluded.expires_at, revoked_at = excluded.revoked_at
            """),
        ct,
        Param.Id(key.Id), Param.Text(key.Name), Param.Name(key.KeyType), Param.Text(key.SecretHash), Param.Id(key.TeamId), Param.Id(key.AppId),
        Param.Texts(key.Permissions), Param.Id(key.CreatedByUserId), Param.Time(key.CreatedAt), Param.Time(key.ExpiresAt), Param.Time(key.RevokedAt));

    public void Dispose() => _lookups.Changes.Dispose();

    private Task WriteAsync(Func<NpgsqlConnection, Task> write, Func<string?, string?> conflict, CancellationToken ct) => ChangeAsync(
        async connection =>
        {
            await write(connection).ConfigureAwait(false);
            return true;
        },
        conflict,
        ct);

    /// <summary>
    /// Every write of the directory: it notifies the other servers in its transaction (they hear it at the commit) and
    /// makes this server's lookups read again at once.
    /// </summary>
    private async Task<T> ChangeAsync<T>(Func<NpgsqlConnection, Task<T>> write, Func<string?, string?> conflict, CancellationToken ct)
    {
        try
        {
            return await database.WriteAsync(
                async connection =>
                {
                    var result = await write(connection).ConfigureAwait(false);
                    await _lookups.Changes.NotifyAsync(connection, ct).ConfigureAwait(false);
                    return result;
                },
                conflict,
                ct).ConfigureAwait(false);
        }
        finally
        {
            _lookups.Changes.Changed();
        }
    }

    private static Func<string?, string?> Conflict(User user) =>
        constraint => constraint == "dir_users_email_key_key" ? $"A user with email '{user.Email}' already exists." : null;

    private static Func<string?, string?> Conflict(Team team) =>
        constraint => constraint == "dir_teams_slug_key" ? $"A team with slug '{team.Slug}' already exists." : null;
}
