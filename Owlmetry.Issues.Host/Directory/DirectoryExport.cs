namespace Owlmetry.Issues.Host.Directory;

/// <summary>A directory store's records, as <see cref="IDirectoryStoreExport"/> reads them.</summary>
internal sealed record DirectoryExport(
    IReadOnlyList<User> Users,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<App> Apps,
    IReadOnlyList<ApiKey> Keys);
