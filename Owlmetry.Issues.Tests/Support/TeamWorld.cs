using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Testing;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// One team with a project and an app on an <see cref="InMemoryIssues"/> with a fake clock, plus a second team,
/// and an actor of every kind that matters to authorization.
/// </summary>
internal sealed class TeamWorld
{
    public TeamWorld()
    {
        Issues = new InMemoryIssues(Clock);
        Project = Issues.AddProject(TeamId, "Shop");
        App = Issues.AddApp(Project.Id, "iOS App");
        OtherProject = Issues.AddProject(OtherTeamId, "Elsewhere");
        OtherApp = Issues.AddApp(OtherProject.Id, "Android App");
        Owner = User("Olivia Owner", TeamRole.Owner);
        Admin = User("Adam Admin", TeamRole.Admin);
        Member = User("Mia Member", TeamRole.Member);
        Outsider = Actor.User(Guid.NewGuid(), "Oscar Outsider", new Dictionary<Guid, TeamRole> { [OtherTeamId] = TeamRole.Owner });
        Agent = Actor.Agent(Guid.NewGuid(), "triage-bot", TeamId, [IssuePermissions.Read, IssuePermissions.Write]);
        ReadOnlyAgent = Actor.Agent(Guid.NewGuid(), "reader-bot", TeamId, [IssuePermissions.Read]);
        Client = Actor.Client(Guid.NewGuid(), "ios-sdk", TeamId);
    }

    public FakeTimeProvider Clock { get; } = new(TestTimes.ClockStart);

    public InMemoryIssues Issues { get; }

    public IIssueService Service => Issues.Service;

    public Guid TeamId { get; } = Guid.NewGuid();

    public Guid OtherTeamId { get; } = Guid.NewGuid();

    public ProjectInfo Project { get; }

    public AppInfo App { get; }

    public ProjectInfo OtherProject { get; }

    public AppInfo OtherApp { get; }

    public Actor Owner { get; }

    public Actor Admin { get; }

    public Actor Member { get; }

    public Actor Outsider { get; }

    public Actor Agent { get; }

    public Actor ReadOnlyAgent { get; }

    public Actor Client { get; }

    public Task<Issue> SeedAsync(string title = "Connection refused", params OccurrenceSeed[] occurrences) =>
        Issues.SeedIssueAsync(new IssueSeed(App.Id, title) { Occurrences = occurrences });

    public Task<Issue> SeedAsync(IssueSeed seed) => Issues.SeedIssueAsync(seed);

    private Actor User(string name, TeamRole role) =>
        Actor.User(Guid.NewGuid(), name, new Dictionary<Guid, TeamRole> { [TeamId] = role });
}
