using LiteDB;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Directory.LiteDb;

/// <summary>
/// The directory in the issue store's own LiteDB file and units of work: one file holds everything the server
/// stores, and the records written together (a team and its owner, an app and its key) commit together.
/// Unique indexes refuse a second user with an email, a second team with a slug and a second key with a secret.
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
    private readonly Lazy<Task> _indexes;

    public LiteDbDirectoryStore(LiteDbIssueStore store)
    {
        _store = store;
        _indexes = new Lazy<Task>(() => _store.WriteDatabaseAsync(db =>
        {
            EnsureIndexes(db);
            return true;
        }));
    }

    public Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<UserDocument>(Users).Count() == 0 && db.GetCollection<TeamDocument>(Teams).Count() == 0, ct);

    public Task<User?> FindUserAsync(Guid userId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<UserDocument>(Users).FindById(userId)?.ToUser(), ct);

    public Task<User?> FindUserByEmailAsync(string email, CancellationToken ct = default)
    {
        var key = email.ToLowerInvariant();
        return ReadAsync(db => db.GetCollection<UserDocument>(Users).FindOne(u => u.EmailKey == key)?.ToUser(), ct);
    }

    public Task AddUserAsync(User user, CancellationToken ct = default) => WriteAsync(db => InsertUser(db, user), ct);

    public Task<bool> SetPasswordHashAsync(Guid userId, string passwordHash, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var users = db.GetCollection<UserDocument>(Users);
            if (users.FindById(userId) is not { } user)
            {
                return false;
            }

            user.PasswordHash = passwordHash;
            return users.Update(user);
        },
        ct);

    public Task AddMemberAsync(User newUser, Membership membership, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            InsertUser(db, newUser);
            db.GetCollection<MembershipDocument>(Memberships).Upsert(MembershipDocument.From(membership));
        },
        ct);

    public Task<Team?> FindTeamAsync(Guid teamId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<TeamDocument>(Teams).FindById(teamId)?.ToTeam(), ct);

    public Task<Team?> FindTeamBySlugAsync(string slug, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<TeamDocument>(Teams).FindOne(t => t.Slug == slug)?.ToTeam(), ct);

    public Task AddTeamAsync(Team team, Membership owner, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            Unique(() => db.GetCollection<TeamDocument>(Teams).Insert(TeamDocument.From(team)), $"A team with slug '{team.Slug}' already exists.");
            db.GetCollection<MembershipDocument>(Memberships).Upsert(MembershipDocument.From(owner));
        },
        ct);

    public Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<Membership>>(db => db.GetCollection<MembershipDocument>(Memberships).Find(m => m.UserId == userId).Select(m => m.ToMembership()).ToList(), ct);

    public Task<IReadOnlyList<Membership>> ListMembershipsOfTeamAsync(Guid teamId, CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<Membership>>(
            db => db.GetCollection<MembershipDocument>(Memberships).Find(m => m.TeamId == teamId).Select(m => m.ToMembership()).OrderBy(m => m.CreatedAt).ToList(),
            ct);

    public Task SaveMembershipAsync(Membership membership, CancellationToken ct = default) =>
        WriteAsync(db => db.GetCollection<MembershipDocument>(Memberships).Upsert(MembershipDocument.From(membership)), ct);

    // Write units are serialized, so the owner count read here is still true when the removal commits.
    public Task<MembershipRemoval> RemoveMembershipAsync(Guid teamId, Guid userId, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var memberships = db.GetCollection<MembershipDocument>(Memberships);
            var key = MembershipDocument.KeyOf(teamId, userId);
            if (memberships.FindById(key) is not { } membership)
            {
                return MembershipRemoval.NotFound;
            }

            var owner = nameof(TeamRole.Owner);
            if (membership.Role == owner && memberships.Count(m => m.TeamId == teamId && m.Role == owner) == 1)
            {
                return MembershipRemoval.LastOwner;
            }

            memberships.Delete(key);
            return MembershipRemoval.Removed;
        },
        ct);

    public Task<Project?> FindProjectAsync(Guid projectId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<ProjectDocument>(Projects).FindById(projectId)?.ToProject(), ct);

    public Task<IReadOnlyList<Project>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) => ReadAsync<IReadOnlyList<Project>>(
        db =>
        {
            var projects = db.GetCollection<ProjectDocument>(Projects);
            return teamIds.Distinct().SelectMany(teamId => projects.Find(p => p.TeamId == teamId)).Select(p => p.ToProject()).OrderBy(p => p.CreatedAt).ToList();
        },
        ct);

    // A deleted project frees its slug, so live-slug uniqueness is checked here rather than by an index.
    public Task SaveProjectAsync(Project project, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var projects = db.GetCollection<ProjectDocument>(Projects);
            if (project.DeletedAt is null && projects.Find(p => p.TeamId == project.TeamId && p.Slug == project.Slug && p.DeletedAt == null).Any(p => p.Id != project.Id))
            {
                throw new DirectoryConflictException($"A project with slug '{project.Slug}' already exists in this team.");
            }

            projects.Upsert(ProjectDocument.From(project));
        },
        ct);

    public Task<App?> FindAppAsync(Guid appId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<AppDocument>(Apps).FindById(appId)?.ToApp(), ct);

    public Task<IReadOnlyList<App>> ListAppsAsync(Guid projectId, CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<App>>(db => db.GetCollection<AppDocument>(Apps).Find(a => a.ProjectId == projectId).Select(a => a.ToApp()).OrderBy(a => a.CreatedAt).ToList(), ct);

    public Task AddAppAsync(App app, CancellationToken ct = default) =>
        WriteAsync(db => db.GetCollection<AppDocument>(Apps).Insert(AppDocument.From(app)), ct);

    public Task AddAppWithClientKeyAsync(App app, ApiKey clientKey, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            db.GetCollection<AppDocument>(Apps).Insert(AppDocument.From(app));
            db.GetCollection<ApiKeyDocument>(Keys).Insert(ApiKeyDocument.From(clientKey));
        },
        ct);

    public Task<ApiKey?> FindKeyAsync(Guid keyId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<ApiKeyDocument>(Keys).FindById(keyId)?.ToKey(), ct);

    public Task<ApiKey?> FindKeyBySecretHashAsync(string secretHash, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<ApiKeyDocument>(Keys).FindOne(k => k.SecretHash == secretHash)?.ToKey(), ct);

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) => ReadAsync<IReadOnlyList<ApiKey>>(
        db =>
        {
            var keys = db.GetCollection<ApiKeyDocument>(Keys);
            return teamIds.Distinct().SelectMany(teamId => keys.Find(k => k.TeamId == teamId)).Select(k => k.ToKey()).OrderBy(k => k.CreatedAt).ToList();
        },
        ct);

    public Task SaveKeyAsync(ApiKey key, CancellationToken ct = default) =>
        WriteAsync(db => db.GetCollection<ApiKeyDocument>(Keys).Upsert(ApiKeyDocument.From(key)), ct);

    public Task<bool> TrySeedAsync(DirectorySeed seed, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            if (db.GetCollection<UserDocument>(Users).Count() > 0 || db.GetCollection<TeamDocument>(Teams).Count() > 0)
            {
                return false;
            }

            InsertUser(db, seed.Owner);
            db.GetCollection<TeamDocument>(Teams).Insert(TeamDocument.From(seed.Team));
            db.GetCollection<MembershipDocument>(Memberships).Insert(MembershipDocument.From(seed.OwnerMembership));
            db.GetCollection<ProjectDocument>(Projects).Insert(ProjectDocument.From(seed.Project));
            db.GetCollection<AppDocument>(Apps).Insert(AppDocument.From(seed.App));
            db.GetCollection<ApiKeyDocument>(Keys).InsertBulk(seed.Keys.Select(ApiKeyDocument.From));
            return true;
        },
        ct);

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

    private static void InsertUser(ILiteDatabase db, User user) =>
        Unique(() => db.GetCollection<UserDocument>(Users).Insert(UserDocument.From(user)), $"A user with email '{user.Email}' already exists.");

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

    private async Task<T> ReadAsync<T>(Func<ILiteDatabase, T> read, CancellationToken ct)
    {
        await _indexes.Value;
        return await _store.ReadDatabaseAsync(read, ct);
    }

    private async Task WriteAsync(Action<ILiteDatabase> write, CancellationToken ct)
    {
        await _indexes.Value;
        await _store.WriteDatabaseAsync(db =>
        {
            write(db);
            return true;
        }, ct);
    }

    private async Task<T> WriteAsync<T>(Func<ILiteDatabase, T> write, CancellationToken ct)
    {
        await _indexes.Value;
        return await _store.WriteDatabaseAsync(write, ct);
    }
}
