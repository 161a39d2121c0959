using Owlmetry.Issues.Access;
using Owlmetry.Issues.Projects;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// The fixed teams, projects, apps and actors both providers are given, so that every id a command names is the
/// same on both sides: two apps in the project under test and one in another team's project, for cross-project merges.
/// </summary>
internal static class DifferentialTenancy
{
    public static readonly Guid TeamId = Guid.Parse("7e000000-0000-4000-8000-000000000001");
    public static readonly Guid OtherTeamId = Guid.Parse("7e000000-0000-4000-8000-000000000002");

    public static readonly ProjectInfo Shop = new(Guid.Parse("0b000000-0000-4000-8000-000000000001"), TeamId, "Shop");
    public static readonly ProjectInfo Elsewhere = new(Guid.Parse("0b000000-0000-4000-8000-000000000002"), OtherTeamId, "Elsewhere");

    public static readonly IReadOnlyList<ProjectInfo> Projects = [Shop, Elsewhere];

    public static readonly IReadOnlyList<TenantApp> Apps =
    [
        new(new AppInfo(Guid.Parse("a0000000-0000-4000-8000-000000000001"), Shop.Id, "iOS"), "apple", ["ios", "macos"]),
        new(new AppInfo(Guid.Parse("a0000000-0000-4000-8000-000000000002"), Shop.Id, "API"), "backend", ["backend"]),
        new(new AppInfo(Guid.Parse("a0000000-0000-4000-8000-000000000003"), Elsewhere.Id, "Web"), "web", ["web"]),
    ];

    public static readonly Actor Owner = User(1, "Olivia Owner", TeamRole.Owner);
    public static readonly Actor Admin = User(2, "Adam Admin", TeamRole.Admin);
    public static readonly Actor Member = User(3, "Mia Member", TeamRole.Member);

    /// <summary>Owns both teams, so that commands in the other project, and merges across projects, get past access to the rules.</summary>
    public static readonly Actor BothTeamsOwner = Actor.User(
        Guid.Parse("c0000000-0000-4000-8000-000000000004"),
        "Oscar Owner",
        new Dictionary<Guid, TeamRole> { [TeamId] = TeamRole.Owner, [OtherTeamId] = TeamRole.Owner });

    public static readonly Actor Agent = Actor.Agent(
        Guid.Parse("c0000000-0000-4000-8000-000000000005"), "triage-bot", TeamId, [IssuePermissions.Read, IssuePermissions.Write]);

    public static readonly Actor ReadOnlyAgent = Actor.Agent(
        Guid.Parse("c0000000-0000-4000-8000-000000000006"), "reader-bot", TeamId, [IssuePermissions.Read]);

    /// <summary>Who issues commands: authors for the comment rules, and a key without write for refusals.</summary>
    public static readonly IReadOnlyList<Actor> Actors = [Owner, Admin, Member, BothTeamsOwner, Agent, ReadOnlyAgent];

    /// <summary>Reads every project: the state is observed as this actor.</summary>
    public static Actor Observer => BothTeamsOwner;

    private static Actor User(int number, string name, TeamRole role) => Actor.User(
        Guid.Parse($"c0000000-0000-4000-8000-00000000000{number}"), name, new Dictionary<Guid, TeamRole> { [TeamId] = role });
}
