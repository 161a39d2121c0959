using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

public sealed class AppsApiTests : HttpApiFixture
{
    public enum AppRoute { List, Get }

    [TestCase("apple")]
    [TestCase("android")]
    [TestCase("web")]
    public void CreateApp_NonBackendWithoutBundleId_Is400(string platform)
    {
        var refused = CreateRefused(Team.Token(TeamRole.Owner), new CreateAppRequest(Team.Project.Id.ToString(), "App", platform));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("bundle_id is required except for backend apps"));
    }

    [Test]
    public void CreateApp_UnknownPlatform_Is400ListingPlatforms()
    {
        var refused = CreateRefused(Team.Token(TeamRole.Owner), new CreateAppRequest(Team.Project.Id.ToString(), "App", "windows", "x"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("platform must be one of: apple, android, web, backend"));
    }

    [Test]
    public void CreateApp_MalformedProjectId_Is400()
    {
        var refused = CreateRefused(Team.Token(TeamRole.Owner), new CreateAppRequest("nope", "App", "backend"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("project_id must be a UUID"));
    }

    [Test]
    public async Task CreateApp_ProjectOfAnotherTeam_Is404()
    {
        var other = await CreateOtherTeamAsync();

        var refused = CreateRefused(Team.Token(TeamRole.Owner), new CreateAppRequest(other.Project.Id.ToString(), "App", "backend"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Project not found"));
    }

    [Test]
    public void CreateApp_AsMember_Is403()
    {
        var refused = CreateRefused(Team.Token(TeamRole.Member), new CreateAppRequest(Team.Project.Id.ToString(), "App", "backend"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task CreateApp_AgentKeyWithoutAppsWrite_Is403()
    {
        var key = await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsWrite);

        var refused = CreateRefused(key, new CreateAppRequest(Team.Project.Id.ToString(), "Worker", "backend"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Missing permission: apps:write"));
    }

    [Test]
    public async Task ListApps_ProjectIdAndTeamId_NarrowTheList()
    {
        var other = await CreateOtherTeamAsync();
        var project = new Project(Guid.NewGuid(), Team.Team.Id, "Second", "second", null, Factory.Clock.GetUtcNowMilliseconds());
        await Factory.Directory.SaveProjectAsync(project);
        var app = new App(Guid.NewGuid(), project.Id, "Second App", "backend", null, Factory.Clock.GetUtcNowMilliseconds());
        await Factory.Directory.AddAppAsync(app);
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var ofProject = await client.ListAppsAsync(projectId: project.Id);
        var ofTeam = await client.ListAppsAsync(teamId: Team.Team.Id);
        var ofOtherTeam = await client.ListAppsAsync(teamId: other.Team.Id);
        var ofOtherProject = Assert.ThrowsAsync<OwlmetryApiException>(() => client.ListAppsAsync(projectId: other.Project.Id));

        Assert.That(ofProject.Select(a => a.Id), Is.EqualTo(new[] { app.Id }));
        Assert.That(ofTeam, Has.Count.EqualTo(2));
        Assert.That(ofOtherTeam, Is.Empty, "a team the caller is not in lists nothing, as in the reference");
        Assert.That(ofOtherProject!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ofOtherProject.Error, Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task ListApps_DeletedProject_HidesItsApps()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { DeletedAt = Factory.Clock.GetUtcNow() });
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var apps = await client.ListAppsAsync();
        var app = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetAppAsync(Team.App.Id));

        Assert.That(apps, Is.Empty);
        Assert.That(app!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GetApp_OwnAppByAgentKey_ReturnsIt()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.AppsRead));

        var app = await client.GetAppAsync(Team.App.Id);

        Assert.That((app.Id, app.ProjectId, app.TeamId, app.Name), Is.EqualTo((Team.App.Id, Team.Project.Id, Team.Team.Id, Team.App.Name)));
    }

    [TestCase(AppRoute.List)]
    [TestCase(AppRoute.Get)]
    public async Task AppRoutes_KeysWithoutAppsRead_Are403NamingIt(AppRoute route)
    {
        var agent = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsRead));
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, ApiKeyPermissions.EventsWrite));

        foreach (var client in new[] { agent, sdk })
        {
            var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => route == AppRoute.List ? (Task)client.ListAppsAsync() : client.GetAppAsync(Team.App.Id));

            Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(refused.Error, Is.EqualTo("Missing permission: apps:read"));
        }
    }

    /// <summary>The refusal of creating <paramref name="app"/> as <paramref name="bearer"/>.</summary>
    private OwlmetryApiException CreateRefused(string bearer, CreateAppRequest app)
    {
        var client = ClientFor(bearer);
        return Assert.ThrowsAsync<OwlmetryApiException>(() => client.CreateAppAsync(app))!;
    }
}
