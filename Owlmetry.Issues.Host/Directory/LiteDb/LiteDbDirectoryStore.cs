using LiteDB;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Directory.LiteDb;

/// <summary>
/// The directory in the issue store's own LiteDB file and units of work: one file holds everything the server
/// stores, and the records written together (a team and its owner, an app and its key) commit together.
/// Unique indexes refuse a second user with an email, a second team with a slug and a second key with a secret.
/// Reads are answered from a <see cref="DirectoryMirror"/> of the file that every write updates as it commits, so a
/// request's key, project and app lookups do not wait for the ingest and scan units ahead of them.
/// </summary>
internal sealed partial class LiteDbDirectoryStore : IDirectoryStore
{
    private const string Users = "dir_users";
    private const string Teams = "dir_teams";
    private const string Memberships = "dir_memberships";
    private const string Projects = "dir_projects";
    private const string Apps = "dir_apps";
    private const string Keys = "dir_keys";

    private readonly LiteDbIssueStore _store;
    private readonly Lazy<Task<DirectoryMirror>> _mirror;

    public LiteDbDirectoryStore(LiteDbIssueStore store)
    {
        _store = store;

        // One write unit prepares the collections and loads the mirror, and every read and write waits for it, so no
        // write can commit before the mirror exists to receive it.
        _mirror = new Lazy<Task<DirectoryMirror>>(() => _store.WriteDatabaseAsync(db =>
        {
            EnsureIndexes(db);
            return DirectoryMirror.Of(ReadAll(db));
        }));
    }

    public Task<bool> IsEmptyAsync(CancellationToken ct = default) => ReadAsync(mirror => mirror.IsEmpty);

    public Task<User?> FindUserAsync(Guid userId, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindUser(userId));

    public Task<User?> FindUserByEmailAsync(string email, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindUserByEmail(email));

    public Task AddUserAsync(User user, CancellationToken ct = default) =>
        WriteAsync(db => InsertUser(db, user), (mirror, stored) => mirror.Put(stored), ct);

    public async Task<bool> SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken ct = default)
    {
        var updated = await WriteAsync(
            db =>
            {
                var users = db.GetCollection<UserDocument>(Users);
                if (users.FindById(userId) is not { } user)
                {
                    return null;
                }

                user.PasswordHash = passwordHash;
                users.Update(user);
                return user.ToUser();
            },
            (mirror, user) =>
            {
                if (user is not null)
                {
                    mirror.Put(user);
                }
            },
            ct);
        return updated is not null;
    }

    public Task AddMemberAsync(User newUser, Membership membership, CancellationToken ct = default) => WriteAsync(
        db => (User: InsertUser(db, newUser), Membership: InsertMembership(db, membership)),
        (mirror, stored) =>
        {
            mirror.Put(stored.User);
            mirror.Put(stored.Membership);
        },
        ct);

    public Task<Team?> FindTeamAsync(Guid teamId, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindTeam(teamId));

    public Task<Team?> FindTeamBySlugAsync(string slug, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindTeamBySlug(slug));

    public Task AddTeamAsync(Team team, Membership owner, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var document = TeamDocument.From(team);
            Unique(() => db.GetCollection<TeamDocument>(Teams).Insert(document), $"A team with slug '{team.Slug}' already exists.");
            return (Team: document.ToTeam(), Owner: InsertMembership(db, owner));
        },
        (mirror, stored) =>
        {
            mirror.Put(stored.Team);
            mirror.Put(stored.Owner);
        },
        ct);

    public Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken ct = default) =>
        ReadAsync(mirror => mirror.MembershipsOfUser(userId));

    public Task<IReadOnlyList<Membership>> ListMembershipsOfTeamAsync(Guid teamId, CancellationToken ct = default) =>
        ReadAsync(mirror => mirror.MembershipsOfTeam(teamId));

    public Task AddMembershipAsync(Membership membership, CancellationToken ct = default) =>
        WriteAsync(db => InsertMembership(db, membership), (mirror, stored) => mirror.Put(stored), ct);

    // Write units are serialized, so the owner count read here is still true when the removal commits.
    public Task<MembershipChange> RemoveMembershipAsync(Guid teamId, Guid userId, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var memberships = db.GetCollection<MembershipDocument>(Memberships);
            var key = MembershipDocument.KeyOf(teamId, userId);
            if (memberships.FindById(key) is not { } membership)
            {
                return MembershipChange.NotFound;
            }

            if (IsLastOwner(memberships, membership))
            {
                return MembershipChange.LastOwner;
            }

            memberships.Delete(key);
            return MembershipChange.Applied;
        },
        (mirror, removal) =>
        {
            if (removal == MembershipChange.Applied)
            {
                mirror.RemoveMembership(teamId, userId);
            }
        },
        ct);

    // Serialized like a removal: the owner count read here is still true when the change commits.
    public async Task<MembershipChange> ChangeMembershipRoleAsync(Guid teamId, Guid userId, TeamRole role, CancellationToken ct = default)
    {
        var (change, _) = await WriteAsync<(MembershipChange Change, Membership? Changed)>(
            db =>
            {
                var memberships = db.GetCollection<MembershipDocument>(Memberships);
                if (memberships.FindById(MembershipDocument.KeyOf(teamId, userId)) is not { } membership)
                {
                    return (MembershipChange.NotFound, null);
                }

                if (role != TeamRole.Owner && IsLastOwner(memberships, membership))
                {
                    return (MembershipChange.LastOwner, null);
                }

                membership.Role = role.ToString();
                memberships.Update(membership);
                return (MembershipChange.Applied, membership.ToMembership());
            },
            (mirror, written) =>
            {
                if (written.Changed is { } changed)
                {
                    mirror.Put(changed);
                }
            },
            ct);
        return change;
    }

    private static bool IsLastOwner(ILiteCollection<MembershipDocument> memberships, MembershipDocument membership)
    {
        var owner = nameof(TeamRole.Owner);
        return membership.Role == owner && memberships.Count(m => m.TeamId == membership.TeamId && m.Role == owner) == 1;
    }

    public Task<Project?> FindProjectAsync(Guid projectId, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindProject(projectId));

    public Task<IReadOnlyList<Project>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        ReadAsync(mirror => mirror.ProjectsOf(teamIds));

    // A deleted project frees its slug, so live-slug uniqueness is checked here rather than by an index.
    public Task SaveProjectAsync(Project project, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var projects = db.GetCollection<ProjectDocument>(Projects);
            if (project.DeletedAt is null && projects.Find(p => p.TeamId == project.TeamId && p.Slug == project.Slug && p.DeletedAt == null).Any(p => p.Id != project.Id))
            {
                throw new DirectoryConflictException($"A project with slug '{project.Slug}' already exists in this team.");
            }

            var document = ProjectDocument.From(project);
            projects.Upsert(document);
            return document.ToProject();
        },
        (mirror, stored) => mirror.Put(stored),
        ct);

    public Task<App?> FindAppAsync(Guid appId, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindApp(appId));

    public Task<IReadOnlyList<App>> ListAppsAsync(Guid projectId, CancellationToken ct = default) => ReadAsync(mirror => mirror.AppsOf(projectId));

    public Task AddAppAsync(App app, CancellationToken ct = default) =>
        WriteAsync(db => InsertApp(db, app), (mirror, stored) => mirror.Put(stored), ct);

    public Task AddAppWithClientKeyAsync(App app, ApiKey clientKey, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var storedApp = InsertApp(db, app);
            var key = ApiKeyDocument.From(clientKey);
            db.GetCollection<ApiKeyDocument>(Keys).Insert(key);
            return (App: storedApp, Key: key.ToKey());
        },
        (mirror, stored) =>
        {
            mirror.Put(stored.App);
            mirror.Put(stored.Key);
        },
        ct);

    public Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken ct = default) => ReadAsync(mirror => mirror.FindKey(keyId));

    public Task<ApiKey?> FindKeyBySecretHashAsync(string secretHash, CancellationToken ct = default) =>
        ReadAsync(mirror => mirror.FindKeyBySecretHash(secretHash));

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        ReadAsync(mirror => mirror.KeysOf(teamIds));

    public Task SaveKeyAsync(ApiKey key, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var document = ApiKeyDocument.From(key);
            db.GetCollection<ApiKeyDocument>(Keys).Upsert(document);
            return document.ToKey();
        },
        (mirror, stored) => mirror.Put(stored),
        ct);

    public async Task<bool> TrySeedAsync(DirectorySeed seed, CancellationToken ct = default)
    {
        var seeded = await WriteAsync(
            db =>
            {
                if (db.GetCollection<UserDocument>(Users).Count() > 0 || db.GetCollection<TeamDocument>(Teams).Count() > 0)
                {
                    return null;
                }

                InsertUser(db, seed.Owner);
                db.GetCollection<TeamDocument>(Teams).Insert(TeamDocument.From(seed.Team));
                db.GetCollection<MembershipDocument>(Memberships).Insert(MembershipDocument.From(seed.OwnerMembership));
                db.GetCollection<ProjectDocument>(Projects).Insert(ProjectDocument.From(seed.Project));
                InsertApp(db, seed.App);
                db.GetCollection<ApiKeyDocument>(Keys).InsertBulk(seed.Keys.Select(ApiKeyDocument.From));
                return ReadAll(db);
            },
            (mirror, records) =>
            {
                if (records is not null)
                {
                    mirror.PutAll(records);
                }
            },
            ct);
        return seeded is not null;
    }

    private static void EnsureIndexes(ILiteDatabase db)
    {
        db.GetCollection<UserDocument>(Users).EnsureIndex(u => u.EmailKey, unique: true);
        db.GetCollection<TeamDocument>(Teams).EnsureIndex(t => t.Slug, unique: true);
        db.GetCollection<MembershipDocument>(Memberships).EnsureIndex(m => m.UserId);
        db.GetCollection<MembershipDocument>(Memberships).EnsureIndex(m => m.TeamId);
        db.GetCollection<ProjectDocument>(Projects).EnsureIndex(p => p.TeamId);
        db.GetCollection<AppDocument>(Apps).EnsureIndex(a => a.ProjectId);
        db.GetCollection<ApiKeyDocument>(Keys).EnsureIndex(k => k.SecretHash, unique: true);
        db.GetCollection<ApiKeyDocument>(Keys).EnsureIndex(k => k.TeamId);
    }

    private static User InsertUser(ILiteDatabase db, User user)
    {
        var document = UserDocument.From(user);
        Unique(() => db.GetCollection<UserDocument>(Users).Insert(document), $"A user with email '{user.Email}' already exists.");
        return document.ToUser();
    }

    private static Membership InsertMembership(ILiteDatabase db, Membership membership)
    {
        var document = MembershipDocument.From(membership);
        Unique(() => db.GetCollection<MembershipDocument>(Memberships).Insert(document), DirectoryConflictException.AlreadyMember);
        return document.ToMembership();
    }

    private static App InsertApp(ILiteDatabase db, App app)
    {
        var document = AppDocument.From(app);
        db.GetCollection<AppDocument>(Apps).Insert(document);
        return document.ToApp();
    }

    private static void Unique(Action insert, string conflict)
    {
        try
        {
            insert();
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DirectoryConflictException(conflict);
        }
    }

    private async Task<T> ReadAsync<T>(Func<DirectoryMirror, T> read) => read(await _mirror.Value);

    // The export reads the file itself, in one of the store's read units.
    private async Task<T> ReadAsync<T>(Func<ILiteDatabase, T> read, CancellationToken ct)
    {
        await _mirror.Value;
        return await _store.ReadDatabaseAsync(read, ct);
    }

    // What a write stored is applied to the mirror inside its unit, once committed, so the mirror follows the file in
    // commit order.
    private async Task<T> WriteAsync<T>(Func<ILiteDatabase, T> write, Action<DirectoryMirror, T> apply, CancellationToken ct)
    {
        var mirror = await _mirror.Value;
        return await _store.WriteDatabaseAsync(write, stored => apply(mirror, stored), ct);
    }
}
