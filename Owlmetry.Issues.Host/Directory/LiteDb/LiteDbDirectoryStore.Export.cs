using LiteDB;

namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed partial class LiteDbDirectoryStore : IDirectoryStoreExport
{
    // Read from the file rather than the mirror, so that a copy is checked against what was stored; ordered by the
    // mirror's lists, so that a copy written in this order lists them as this store does.
    public Task<DirectoryExport> ExportDirectoryAsync(CancellationToken ct = default) => ReadAsync(
        db =>
        {
            var records = ReadAll(db);
            var lists = DirectoryMirror.Of(records);
            var projects = InListOrder(records.Teams.Select(t => lists.ProjectsOf([t.Id])), records.Projects, p => p.Id);
            return records with
            {
                Memberships = InListOrder(records.Teams.Select(t => lists.MembershipsOfTeam(t.Id)), records.Memberships, m => (m.TeamId, m.UserId)),
                Projects = projects,
                Apps = InListOrder(projects.Select(p => lists.AppsOf(p.Id)), records.Apps, a => a.Id),
                Keys = InListOrder(records.Teams.Select(t => lists.KeysOf([t.Id])), records.Keys, k => k.Id),
            };
        },
        ct);

    private static DirectoryExport ReadAll(ILiteDatabase db) => new(
        db.GetCollection<UserDocument>(Users).FindAll().Select(u => u.ToUser()).ToList(),
        db.GetCollection<TeamDocument>(Teams).FindAll().Select(t => t.ToTeam()).ToList(),
        db.GetCollection<MembershipDocument>(Memberships).FindAll().Select(m => m.ToMembership()).ToList(),
        db.GetCollection<ProjectDocument>(Projects).FindAll().Select(p => p.ToProject()).ToList(),
        db.GetCollection<AppDocument>(Apps).FindAll().Select(a => a.ToApp()).ToList(),
        db.GetCollection<ApiKeyDocument>(Keys).FindAll().Select(k => k.ToKey()).ToList());

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
