using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// A thread-safe in-memory directory: the server's tests register it ahead of the configured store, and the directory's
/// contract suite holds the LiteDB and PostgreSQL stores to what it does.
/// </summary>
public sealed class InMemoryDirectoryStore : IDirectoryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, User> _users = [];
    private readonly Dictionary<Guid, Team> _teams = [];
    private readonly Dictionary<(Guid TeamId, Guid UserId), Membership> _memberships = [];
    private readonly Dictionary<Guid, Project> _projects = [];
    private readonly Dictionary<Guid, App> _apps = [];
    private readonly Dictionary<Guid, ApiKey> _keys = [];

    public Task<bool> IsEmptyAsync(CancellationToken ct = default) => Locked(() => _users.Count == 0 && _teams.Count == 0);

    public Task<User?> FindUserAsync(Guid userId, CancellationToken ct = default) => Locked(() => _users.GetValueOrDefault(userId));

    public Task<User?> FindUserByEmailAsync(string email, CancellationToken ct = default) =>
        Locked(() => _users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)));

    public Task AddUserAsync(User user, CancellationToken ct = default) => Locked(() => AddUser(user));

    public Task<bool> SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken ct = default) => Locked(() =>
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            return false;
        }

        _users[userId] = user with { PasswordHash = passwordHash };
        return true;
    });

    public Task AddMemberAsync(User newUser, Membership membership, CancellationToken ct = default) => Locked(() =>
    {
        AddUser(newUser);
        _memberships[(membership.TeamId, membership.UserId)] = membership;
    });

    public Task<Team?> FindTeamAsync(Guid teamId, CancellationToken ct = default) => Locked(() => _teams.GetValueOrDefault(teamId));

    public Task<Team?> FindTeamBySlugAsync(string slug, CancellationToken ct = default) =>
        Locked(() => _teams.Values.FirstOrDefault(t => t.Slug == slug));

    public Task AddTeamAsync(Team team, Membership owner, CancellationToken ct = default) => Locked(() =>
    {
        if (_teams.Values.Any(t => t.Slug == team.Slug))
        {
            throw new DirectoryConflictException($"A team with slug '{team.Slug}' already exists.");
        }

        _teams.Add(team.Id, team);
        _memberships[(owner.TeamId, owner.UserId)] = owner;
    });

    public Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken ct = default) =>
        Locked<IReadOnlyList<Membership>>(() => _memberships.Values.Where(m => m.UserId == userId).ToList());

    public Task<IReadOnlyList<Membership>> ListMembershipsOfTeamAsync(Guid teamId, CancellationToken ct = default) =>
        Locked<IReadOnlyList<Membership>>(() => _memberships.Values.Where(m => m.TeamId == teamId).OrderBy(m => m.CreatedAt).ToList());

    public Task AddMembershipAsync(Membership membership, CancellationToken ct = default) => Locked(() =>
    {
        if (!_memberships.TryAdd((membership.TeamId, membership.UserId), membership))
        {
            throw new DirectoryConflictException(DirectoryConflictException.AlreadyMember);
        }
    });

    public Task<MembershipChange> RemoveMembershipAsync(Guid teamId, Guid userId, CancellationToken ct = default) => Locked(() =>
    {
        if (!_memberships.TryGetValue((teamId, userId), out var membership))
        {
            return MembershipChange.NotFound;
        }

        if (IsLastOwner(membership))
        {
            return MembershipChange.LastOwner;
        }

        _memberships.Remove((teamId, userId));
        return MembershipChange.Applied;
    });

    public Task<MembershipChange> ChangeMembershipRoleAsync(Guid teamId, Guid userId, TeamRole role, CancellationToken ct = default) => Locked(() =>
    {
        if (!_memberships.TryGetValue((teamId, userId), out var membership))
        {
            return MembershipChange.NotFound;
        }

        if (role != TeamRole.Owner && IsLastOwner(membership))
        {
            return MembershipChange.LastOwner;
        }

        _memberships[(teamId, userId)] = membership with { Role = role };
        return MembershipChange.Applied;
    });

    private bool IsLastOwner(Membership membership) =>
        membership.Role == TeamRole.Owner && _memberships.Values.Count(m => m.TeamId == membership.TeamId && m.Role == TeamRole.Owner) == 1;

    public Task<Project?> FindProjectAsync(Guid projectId, CancellationToken ct = default) =>
        Locked(() => _projects.GetValueOrDefault(projectId));

    public Task<IReadOnlyList<Project>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        Locked<IReadOnlyList<Project>>(() => _projects.Values.Where(p => teamIds.Contains(p.TeamId)).OrderBy(p => p.CreatedAt).ToList());

    public Task SaveProjectAsync(Project project, CancellationToken ct = default) => Locked(() =>
    {
        if (project.DeletedAt is null && _projects.Values.Any(p =>
                p.Id != project.Id && p.TeamId == project.TeamId && p.Slug == project.Slug && p.DeletedAt is null))
        {
            throw new DirectoryConflictException($"A project with slug '{project.Slug}' already exists in this team.");
        }

        _projects[project.Id] = project;
    });

    public Task<App?> FindAppAsync(Guid appId, CancellationToken ct = default) => Locked(() => _apps.GetValueOrDefault(appId));

    public Task<IReadOnlyList<App>> ListAppsAsync(Guid projectId, CancellationToken ct = default) =>
        Locked<IReadOnlyList<App>>(() => _apps.Values.Where(a => a.ProjectId == projectId).OrderBy(a => a.CreatedAt).ToList());

    public Task AddAppAsync(App app, CancellationToken ct = default) => Locked(() => _apps.Add(app.Id, app));

    public Task AddAppWithClientKeyAsync(App app, ApiKey clientKey, CancellationToken ct = default) => Locked(() =>
    {
        // Both are checked before either is written, so a refused key leaves no app behind.
        if (_keys.ContainsKey(clientKey.Id))
        {
            throw new ArgumentException($"A key with id {clientKey.Id} already exists.", nameof(clientKey));
        }

        _apps.Add(app.Id, app);
        _keys.Add(clientKey.Id, clientKey);
    });

    public Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken ct = default) => Locked(() => _keys.GetValueOrDefault(keyId));

    public Task<ApiKey?> FindKeyBySecretHashAsync(string secretHash, CancellationToken ct = default) =>
        Locked(() => _keys.Values.FirstOrDefault(k => k.SecretHash == secretHash));

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        Locked<IReadOnlyList<ApiKey>>(() => _keys.Values.Where(k => teamIds.Contains(k.TeamId)).OrderBy(k => k.CreatedAt).ToList());

    public Task SaveKeyAsync(ApiKey key, CancellationToken ct = default) => Locked(() => _keys[key.Id] = key);

    public Task<bool> TrySeedAsync(DirectorySeed seed, CancellationToken ct = default) => Locked(() =>
    {
        if (_users.Count > 0 || _teams.Count > 0)
        {
            return false;
        }

        AddUser(seed.Owner);
        _teams.Add(seed.Team.Id, seed.Team);
        _memberships[(seed.Team.Id, seed.Owner.Id)] = seed.OwnerMembership;
        _projects.Add(seed.Project.Id, seed.Project);
        _apps.Add(seed.App.Id, seed.App);
        foreach (var key in seed.Keys)
        {
            _keys.Add(key.Id, key);
        }

        return true;
    });

    private void AddUser(User user)
    {
        if (_users.Values.Any(u => string.Equals(u.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DirectoryConflictException($"A user with email '{user.Email}' already exists.");
        }

        _users.Add(user.Id, user);
    }

    private Task<T> Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return Task.FromResult(read());
        }
    }

    private Task Locked(Action write)
    {
        lock (_gate)
        {
            write();
            return Task.CompletedTask;
        }
    }
}
