namespace Owlmetry.Issues.Host.Directory;

/// <summary>
/// Every record of a directory store, for copying it to another provider and checking the copy. The directory is small
/// (people, teams, projects, apps, keys), so it is read whole, in one consistent read.
/// </summary>
internal interface IDirectoryStoreExport
{
    /// <returns>
    /// Every record. Memberships, projects, apps and keys come in the order the store's own lists return them, team by
    /// team (project by project for apps), so that a copy written in this order lists them the same way.
    /// </returns>
    Task<DirectoryExport> ExportDirectoryAsync(CancellationToken ct = default);
}
