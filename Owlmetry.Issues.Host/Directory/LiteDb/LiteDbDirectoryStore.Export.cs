using LiteDB;

namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed partial class LiteDbDirectoryStore : IDirectoryStoreExport
{
    // Read from the file rather than the mirror, so that a copy is checked against what was stored.
    public Task<DirectoryExport> ExportDirectoryAsync(CancellationToken ct = default) => ReadAsync(Export, ct);

    private static DirectoryExport Export(ILiteDatabase db)
    {
        var teams = db.GetCollection<TeamDocument>(Teams).FindAll().Select(t => t.ToTeam()).ToList();
        var memberships = db.GetCollection<MembershipDocument>(Memberships);
        var projects = db.GetCollection<ProjectDocument>(Projects);
        var apps = db.GetCollection<AppDocument>(Apps);
        var keys = db.GetCollection<ApiKeyDocument>(Keys);
        var projectList = InListOrder(
            teams.Select(t => projects.Find(p => p.TeamId == t.Id).Select(p => p.ToProject()).OrderBy(p => p.CreatedAt)),
            projects.FindAll().Select(p => p.ToProject()),
            p => p.Id);
        return new DirectoryExport(
            db.GetCollection<UserDocument>(Users).FindAll().Select(u => u.ToUser()).ToList(),
            teams,
            InListOrder(
                teams.Select(t => memberships.Find(m => m.TeamId == t.Id).Select(m => m.ToMembership()).OrderBy(m => m.CreatedAt)),
                memberships.FindAll().Select(m => m.ToMembership()),
                m => (m.TeamId, m.UserId)),
            projectList,
            InListOrder(
                projectList.Select(p => apps.Find(a => a.ProjectId == p.Id).Select(a => a.ToApp()).OrderBy(a => a.CreatedAt)),
                apps.FindAll().Select(a => a.ToApp()),
                a => a.Id),
            InListOrder(
                teams.Select(t => keys.Find(k => k.TeamId == t.Id).Select(k => k.ToKey()).OrderBy(k => k.CreatedAt)),
                keys.FindAll().Select(k => k.ToKey()),
                k => k.Id));
    }

    // The lists' order, then whatever no list reaches (a record whose team or project is gone).
    private static List<T> InListOrder<T, TKey>(IEnumerable<IEnumerable<T>> lists, IEnumerable<T> all, Func<T, TKey> key)
        where TKey : notnull
    {
        var ordered = lists.SelectMany(list => list).ToList();
        var seen = ordered.Select(key).ToHashSet();
        ordered.AddRange(all.Where(record => !seen.Contains(key(record))));
        return ordered;
    }
}
