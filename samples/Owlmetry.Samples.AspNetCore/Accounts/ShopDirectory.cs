using Owlmetry.Issues.Projects;

namespace Owlmetry.Samples.AspNetCore.Accounts;

#region ShopDirectory
// What the issue library knows of the shop's tenants: each tenant is a team with one project (its storefront) and
// one app (the shop's backend, which files the storefront's errors). Another tenant's project is "not found".
public sealed class ShopDirectory(ShopAccounts accounts) : IIssueDirectory
{
    public ValueTask<ProjectInfo?> FindProjectAsync(Guid projectId, CancellationToken ct = default) =>
        ValueTask.FromResult(accounts.Tenants.Where(t => t.ProjectId == projectId).Select(Project).FirstOrDefault());

    public ValueTask<IReadOnlyList<ProjectInfo>> ListProjectsAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken ct = default) =>
        ValueTask.FromResult<IReadOnlyList<ProjectInfo>>([.. accounts.Tenants.Where(t => teamIds.Contains(t.Id)).Select(Project)]);

    public ValueTask<AppInfo?> FindAppAsync(Guid appId, CancellationToken ct = default) =>
        ValueTask.FromResult(accounts.Tenants.Where(t => t.AppId == appId).Select(App).FirstOrDefault());

    private static ProjectInfo Project(ShopTenant tenant) => new(tenant.ProjectId, TeamId: tenant.Id, tenant.Name);

    private static AppInfo App(ShopTenant tenant) => new(tenant.AppId, tenant.ProjectId, "Shop backend");
}
#endregion
