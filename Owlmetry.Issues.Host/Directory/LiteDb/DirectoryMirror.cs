namespace Owlmetry.Issues.Host.Directory.LiteDb;

/// <summary>
/// The directory's records as the LiteDB file holds them, in memory, so that the lookups every request makes (its
/// key, its project, its app) do not queue behind the store's units of work. It is exact, not a cache: the file is
/// open in this process alone, it is loaded in the unit that prepares the directory's collections, and every write is
/// applied here right after it commits and before the next unit starts. Records are kept as they read back from their
/// documents (times to the millisecond).
/// </summary>
internal sealed class DirectoryMirror
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, User> _users = [];
    private readonly Dictionary<string, Guid> _userIdsByEmailKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Team> _teams = [];
    private readonly Dictionary<string, Guid> _teamIdsBySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid TeamId, Guid UserId), Membership> _memberships = [];
    private readonly Dictionary<Guid, Project> _projects = [];
    private readonly Dictionary<Guid, App> _apps = [];
    private readonly Dictionary<Guid, ApiKey> _keys = [];
    private readonly Dictionary<string, Guid> _keyIdsBySecretHash = new(StringComparer.Ordinal);

    /// <summary>A mirror of <paramref name="records"/>.</summary>
    public static DirectoryMirror Of(DirectoryExport records)
    {
        var mirror = new DirectoryMirror();
        mirror.PutAll(records);
        return mirror;
    }

    public bool IsEmpty => Locked(() => _users.Count == 0 && _teams.Count == 0);

    public User? FindUser(Guid userId) => Locked(() => _users.GetValueOrDefault(userId));

    public User? FindUserByEmail(string email) =>
        Locked(() => _userIdsByEmailKey.TryGetValue(UserDocument.EmailKeyOf(email), out var id) ? _users.GetValueOrDefault(id) : null);

    public Team? FindTeam(Guid teamId) => Locked(() => _teams.GetValueOrDefault(teamId));

    public Team? FindTeamBySlug(string slug) => Locked(() => _teamIdsBySlug.TryGetValue(slug, out var id) ? _teams.GetValueOrDefault(id) : null);

    public IReadOnlyList<Membership> MembershipsOfUser(Guid userId) =>
        Locked(() => Oldest(_memberships.Values.Where(m => m.UserId == userId), m => m.CreatedAt, m => m.TeamId));

    public IReadOnlyList<Membership> MembershipsOfTeam(Guid teamId) =>
        Locked(() => Oldest(_memberships.Values.Where(m => m.TeamId == teamId), m => m.CreatedAt, m => m.UserId));

    public Project? FindProject(Guid projectId) => Locked(() => _projects.GetValueOrDefault(projectId));

    public IReadOnlyList<Project> ProjectsOf(IReadOnlyCollection<Guid> teamIds)
    {
        var teams = RankOf(teamIds);
        return Locked(() => Oldest(_projects.Values.Where(p => teams.ContainsKey(p.TeamId)), p => p.CreatedAt, p => (teams[p.TeamId], p.Id)));
    }

    public App? FindApp(Guid appId) => Locked(() => _apps.GetValueOrDefault(appId));

    public IReadOnlyList<App> AppsOf(Guid projectId) => Locked(() => Oldest(_apps.Values.Where(a => a.ProjectId == projectId), a => a.CreatedAt, a => a.Id));

    public ApiKey? FindKey(Guid keyId) => Locked(() => _keys.GetValueOrDefault(keyId));

    public ApiKey? FindKeyBySecretHash(string secretHash) =>
        Locked(() => _keyIdsBySecretHash.TryGetValue(secretHash, out var id) ? _keys.GetValueOrDefault(id) : null);

    public IReadOnlyList<ApiKey> KeysOf(IReadOnlyCollection<Guid> teamIds)
    {
        var teams = RankOf(teamIds);
        return Locked(() => Oldest(_keys.Values.Where(k => teams.ContainsKey(k.TeamId)), k => k.CreatedAt, k => (teams[k.TeamId], k.Id)));
    }

    public void Put(User user) => Locked(() =>
    {
        if (_users.GetValueOrDefault(user.Id) is { } replaced)
        {
            _userIdsByEmailKey.Remove(UserDocument.EmailKeyOf(replaced.Email));
        }

        _users[user.Id] = user;
        _userIdsByEmailKey[UserDocument.EmailKeyOf(user.Email)] = user.Id;
    });

    public void Put(Team team) => Locked(() =>
    {
        if (_teams.GetValueOrDefault(team.Id) is { } replaced)
        {
            _teamIdsBySlug.Remove(replaced.Slug);
        }

        _teams[team.Id] = team;
        _teamIdsBySlug[team.Slug] = team.Id;
    });

    public void Put(Membership membership) => Locked(() => _memberships[(membership.TeamId, membership.UserId)] = membership);

    public void RemoveMembership(Guid teamId, Guid userId) => Locked(() => _memberships.Remove((teamId, userId)));

    public void Put(Project project) => Locked(() => _projects[project.Id] = project);

    public void Put(App app) => Locked(() => _apps[app.Id] = app);

    public void Put(ApiKey key) => Locked(() =>
    {
        if (_keys.GetValueOrDefault(key.Id) is { } replaced)
        {
            _keyIdsBySecretHash.Remove(replaced.SecretHash);
        }

        _keys[key.Id] = key;
        _keyIdsBySecretHash[key.SecretHash] = key.Id;
    });

    public void PutAll(DirectoryExport records)
    {
        records.Users.ToList().ForEach(Put);
        records.Teams.ToList().ForEach(Put);
        records.Memberships.ToList().ForEach(Put);
        records.Projects.ToList().ForEach(Put);
        records.Apps.ToList().ForEach(Put);
        records.Keys.ToList().ForEach(Put);
    }

    // Records of several teams created in the same millisecond are listed in the order the caller gave the teams.
    private static Dictionary<Guid, int> RankOf(IReadOnlyCollection<Guid> teamIds)
    {
        var ranks = new Dictionary<Guid, int>();
        foreach (var teamId in teamIds)
        {
            ranks.TryAdd(teamId, ranks.Count);
        }

        return ranks;
    }

    // Oldest first. Records created in the same millisecond (a fake clock, a first start) follow an order of their
    // content, not of when they were loaded, so that a list reads the same before and after a restart.
    private static List<T> Oldest<T, TOrder>(IEnumerable<T> records, Func<T, DateTimeOffset> createdAt, Func<T, TOrder> thenBy) =>
        records.OrderBy(createdAt).ThenBy(thenBy).ToList();

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}
