using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The directory's bounds (<c>Directory:Max…</c>): one team, member, project, app or key past its bound is a 409 that
/// says which bound, and nothing is created. Set low here; <see cref="HttpTeam"/> starts with three members, one
/// project, one app and no keys.
/// </summary>
public sealed class DirectoryLimitsApiTests : HttpApiFixture
{
    private const int MaxTeamsPerUser = 2;
    private const int MaxMembersPerTeam = 4;
    private const int MaxProjectsPerTeam = 2;
    private const int MaxAppsPerProject = 2;
    private const int MaxKeysPerTeam = 3;

    private OwlmetryIssuesClient Owner => ClientFor(Team.Token(TeamRole.Owner));

    private protected override OwlmetryServerFactory CreateServer() => new(new Dictionary<string, string?>
    {
        ["Directory:MaxTeamsPerUser"] = $"{MaxTeamsPerUser}",
        ["Directory:MaxMembersPerTeam"] = $"{MaxMembersPerTeam}",
        ["Directory:MaxProjectsPerTeam"] = $"{MaxProjectsPerTeam}",
        ["Directory:MaxAppsPerProject"] = $"{MaxAppsPerProject}",
        ["Directory:MaxKeysPerTeam"] = $"{MaxKeysPerTeam}",
    });

    [Test]
    public async Task CreateTeam_CallerInAsManyTeamsAsTheLimit_Is409()
    {
        await Owner.CreateTeamAsync(new CreateTeamRequest("Second", "second"));

        var refused = await OutcomeAsync(() => Owner.CreateTeamAsync(new CreateTeamRequest("Third", "third")));

        Assert.That(refused, Is.EqualTo((HttpStatusCode.Conflict, $"You already belong to {MaxTeamsPerUser} teams, the most a user may")));
        Assert.That(await Factory.Directory.FindTeamBySlugAsync("third"), Is.Null, "the team was created anyway");
    }

    [Test]
    public async Task AddMember_ExistingUserInAsManyTeamsAsTheLimit_Is409()
    {
        var otherTeam = await CreateOtherTeamAsync();
        var other = ClientFor(otherTeam.Token(TeamRole.Owner));
        var otherTeamId = otherTeam.Team.Id;
        await Owner.CreateTeamAsync(new CreateTeamRequest("Second", "second"));

        var refused = await OutcomeAsync(() => other.AddTeamMemberAsync(otherTeamId, new AddMemberRequest(Team.Users[TeamRole.Owner].User.Email)));
        var inOneTeam = await OutcomeAsync(() => other.AddTeamMemberAsync(otherTeamId, new AddMemberRequest(Team.Users[TeamRole.Admin].User.Email)));

        Assert.That(refused, Is.EqualTo((HttpStatusCode.Conflict, $"This user already belongs to {MaxTeamsPerUser} teams, the most a user may")));
        Assert.That(inOneTeam, Is.EqualTo((HttpStatusCode.OK, (string?)null)), "a user in one team");
    }

    [Test]
    public async Task AddMember_TeamAtItsMemberLimit_Is409()
    {
        await Owner.AddTeamMemberAsync(Team.Team.Id, NewMember());
        var email = $"one-too-many-{Guid.NewGuid():N}@example.com";

        var refused = await OutcomeAsync(() => Owner.AddTeamMemberAsync(Team.Team.Id, NewMember(email)));

        Assert.That(refused, Is.EqualTo((HttpStatusCode.Conflict, $"A team has at most {MaxMembersPerTeam} members; remove one to add another")));
        Assert.That(await Factory.Directory.FindUserByEmailAsync(email), Is.Null, "the user was created anyway");
        Assert.That(await Factory.Directory.ListMembershipsOfTeamAsync(Team.Team.Id), Has.Count.EqualTo(MaxMembersPerTeam));
    }

    [Test]
    public async Task AddMember_TeamAtItsMemberLimit_OtherRefusalsComeFirst()
    {
        await Owner.AddTeamMemberAsync(Team.Team.Id, NewMember());

        var alreadyIn = await OutcomeAsync(() => Owner.AddTeamMemberAsync(Team.Team.Id, new AddMemberRequest(Team.Users[TeamRole.Member].User.Email)));
        var noPassword = await OutcomeAsync(() => Owner.AddTeamMemberAsync(Team.Team.Id, new AddMemberRequest($"new-{Guid.NewGuid():N}@example.com", "New")));

        Assert.That(alreadyIn, Is.EqualTo((HttpStatusCode.Conflict, "User is already a member of this team")));
        Assert.That(noPassword.Status, Is.EqualTo(HttpStatusCode.BadRequest), noPassword.Error);
    }

    [Test]
    public async Task CreateProject_TeamAtItsProjectLimit_Is409_OtherTeamsUnaffected()
    {
        var other = await CreateOtherTeamAsync();
        await Owner.CreateProjectAsync(new CreateProjectRequest($"{Team.Team.Id}", "Second", "second"));

        var refused = await OutcomeAsync(() => Owner.CreateProjectAsync(new CreateProjectRequest($"{Team.Team.Id}", "Third", "third")));
        var elsewhere = await OutcomeAsync(() => ClientFor(other.Token(TeamRole.Owner)).CreateProjectAsync(new CreateProjectRequest($"{other.Team.Id}", "Third", "third")));

        Assert.That(refused, Is.EqualTo((HttpStatusCode.Conflict, $"A team has at most {MaxProjectsPerTeam} projects")));
        Assert.That(elsewhere, Is.EqualTo((HttpStatusCode.OK, (string?)null)), "another team's project");
        Assert.That(await Factory.Directory.ListProjectsAsync([Team.Team.Id]), Has.Count.EqualTo(MaxProjectsPerTeam));
    }

    [Test]
    public async Task CreateApp_ProjectAtItsAppLimit_Is409_AnotherProjectHasRoom()
    {
        var second = await Owner.CreateProjectAsync(new CreateProjectRequest($"{Team.Team.Id}", "Second", "second"));
        await Owner.CreateAppAsync(NewApp(Team.Project.Id));

        var refused = await OutcomeAsync(() => Owner.CreateAppAsync(NewApp(Team.Project.Id)));
        var elsewhere = await OutcomeAsync(() => Owner.CreateAppAsync(NewApp(second.Id)));

        Assert.That(refused, Is.EqualTo((HttpStatusCode.Conflict, $"A project has at most {MaxAppsPerProject} apps")));
        Assert.That(elsewhere, Is.EqualTo((HttpStatusCode.OK, (string?)null)), "another project's app");
        Assert.That(await Factory.Directory.ListAppsAsync(Team.Project.Id), Has.Count.EqualTo(MaxAppsPerProject));
    }

    [Test]
    public async Task CreateKey_TeamAtItsKeyLimit_Is409_AndARevokedOrExpiredKeyMakesRoom()
    {
        var first = await Owner.CreateApiKeyAsync(NewAgentKey());
        var expiring = await Owner.CreateApiKeyAsync(NewAgentKey(expiresInDays: 1));
        await Owner.CreateAppAsync(NewApp(Team.Project.Id));

        var refused = await OutcomeAsync(() => Owner.CreateApiKeyAsync(NewAgentKey()));
        var second = await Owner.CreateProjectAsync(new CreateProjectRequest($"{Team.Team.Id}", "Second", "second"));
        var appRefused = await OutcomeAsync(() => Owner.CreateAppAsync(NewApp(second.Id)));
        await Owner.RevokeApiKeyAsync(first.Id);
        var afterARevoke = await OutcomeAsync(() => Owner.CreateApiKeyAsync(NewAgentKey()));
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var afterAnExpiry = await OutcomeAsync(() => Owner.CreateApiKeyAsync(NewAgentKey()));

        var limit = (HttpStatusCode.Conflict, $"A team has at most {MaxKeysPerTeam} live API keys; revoke one to create another");
        Assert.That(refused, Is.EqualTo(limit), "two agent keys and the app's client key");
        Assert.That(appRefused, Is.EqualTo(limit), "an app comes with a client key");
        Assert.That(await Factory.Directory.ListAppsAsync(second.Id), Is.Empty, "the app was created anyway");
        Assert.That((afterARevoke, afterAnExpiry), Is.EqualTo(((HttpStatusCode.OK, (string?)null), (HttpStatusCode.OK, (string?)null))),
            $"room after revoking one and after {expiring.ExpiresAt} passed");
    }

    private static AddMemberRequest NewMember(string? email = null) =>
        new(email ?? $"member-{Guid.NewGuid():N}@example.com", "New Member", "a-long-password-1");

    private static CreateAppRequest NewApp(Guid projectId) => new($"{projectId}", $"App {Guid.NewGuid():N}", "backend");

    private CreateApiKeyRequest NewAgentKey(int? expiresInDays = null) =>
        new("Agent", "agent", TeamId: $"{Team.Team.Id}", ExpiresInDays: expiresInDays);
}
