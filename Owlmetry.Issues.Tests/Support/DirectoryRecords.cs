using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// Directory records with fresh ids and unique emails, slugs and secret hashes, created at <see cref="TestTimes.Base"/>
/// unless told; vary the rest with <c>with</c>.
/// </summary>
internal static class DirectoryRecords
{
    public static User User(string? email = null, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        return new User(id, email ?? $"user-{id:N}@example.com", "Ada Lovelace", $"hash-{id:N}", createdAt ?? TestTimes.Base);
    }

    public static Team Team(string? slug = null, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        return new Team(id, "Payments", slug ?? $"team-{id:N}", createdAt ?? TestTimes.Base);
    }

    public static Membership Membership(Guid teamId, Guid userId, TeamRole role = TeamRole.Member, DateTimeOffset? createdAt = null) =>
        new(teamId, userId, role, createdAt ?? TestTimes.Base);

    public static Project Project(Guid teamId, string? slug = null, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        return new Project(id, teamId, "Checkout", slug ?? $"project-{id:N}", IssueAlertFrequencies.Default, createdAt ?? TestTimes.Base, Color: "#3b82f6");
    }

    public static App App(Guid projectId, DateTimeOffset? createdAt = null) =>
        new(Guid.NewGuid(), projectId, "Checkout iOS", "apple", "com.example.checkout", createdAt ?? TestTimes.Base);

    public static ApiKey AgentKey(Guid teamId, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        return new ApiKey(
            id, "CI agent", ApiKeyType.Agent, $"sha256-{id:N}", teamId, null, ApiKeyPermissions.AgentDefault, Guid.NewGuid(),
            createdAt ?? TestTimes.Base, TestTimes.Base.AddDays(90));
    }

    public static ApiKey ClientKey(Guid teamId, Guid appId, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        return new ApiKey(
            id, "Checkout iOS client key", ApiKeyType.Client, $"sha256-{id:N}", teamId, appId, ApiKeyPermissions.Client, null,
            createdAt ?? TestTimes.Base, null);
    }

    /// <summary>A whole first-start setup: an owner in a team with a project, an app, its client key and an agent key.</summary>
    public static DirectorySeed Seed()
    {
        var owner = User();
        var team = Team();
        var project = Project(team.Id);
        var app = App(project.Id);
        return new DirectorySeed(
            team, owner, Membership(team.Id, owner.Id, TeamRole.Owner), project, app, [ClientKey(team.Id, app.Id), AgentKey(team.Id)]);
    }
}
