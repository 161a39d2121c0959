using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

public sealed class AppsApiTests : HttpApiFixture
{
    [Test]
    public async Task CreateApp_BackendWithoutBundleId_Is201WithAWorkingClientSecret()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "API", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var app = await response.JsonAsync();
        Assert.That(app.MemberNames(), Is.EqualTo(new[]
        {
            "bundle_id", "client_secret", "created_at", "id", "name", "platform", "project_id", "team_id",
        }));
        Assert.That(app["bundle_id"], Is.Null);
        Assert.That(app.Text("client_secret"), Does.Match("^owl_client_[0-9a-f]{48}$"));
        var key = (await Factory.Directory.ListKeysAsync([Team.Team.Id])).Single(k => k.AppId?.ToString() == app.Text("id"));
        Assert.That(key.KeyType, Is.EqualTo(ApiKeyType.Client));
        Assert.That(key.Permissions, Is.EqualTo(new[] { "events:write" }));
        using var sdk = Team.ClientWith(app.Text("client_secret"));
        var authenticated = await sdk.GetAsync("/v1/projects");
        Assert.That(await authenticated.ErrorAsync(), Is.EqualTo("Missing permission: projects:read"), "authenticated, but only to write events");
    }

    [Test]
    public async Task CreateApp_AppearsInProjectDetailWithoutSecret()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var created = await (await client.PostAsJsonAsync(
            "/v1/apps", new { project_id = Team.Project.Id, name = "iOS", platform = "apple", bundle_id = " com.example.ios " })).JsonAsync();
        var project = await (await client.GetAsync($"/v1/projects/{Team.Project.Id}")).JsonAsync();

        var listed = project["apps"]!.AsArray().Single(a => a!.Text("id") == created.Text("id"))!;
        Assert.That(listed.Text("bundle_id"), Is.EqualTo("com.example.ios"));
        Assert.That(listed["client_secret"], Is.Null);
    }

    [TestCase("apple")]
    [TestCase("android")]
    [TestCase("web")]
    public async Task CreateApp_NonBackendWithoutBundleId_Is400(string platform)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "App", platform });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("bundle_id is required except for backend apps"));
    }

    [Test]
    public async Task CreateApp_UnknownPlatform_Is400ListingPlatforms()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "App", platform = "windows", bundle_id = "x" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("platform must be one of: apple, android, web, backend"));
    }

    [Test]
    public async Task CreateApp_MalformedProjectId_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = "nope", name = "App", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("project_id must be a UUID"));
    }

    [Test]
    public async Task CreateApp_ProjectOfAnotherTeam_Is404()
    {
        var other = await CreateOtherTeamAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = other.Project.Id, name = "App", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task CreateApp_AsMember_Is403()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "App", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task CreateApp_AgentKeyWithAppsWrite_Is201()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.AppsWrite));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "Worker", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task CreateApp_AgentKeyWithoutAppsWrite_Is403()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsWrite));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "Worker", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: apps:write"));
    }

    [Test]
    public async Task ListApps_AsMember_ReturnsTheAppsOfTheirTeamsOldestFirst()
    {
        var other = await CreateOtherTeamAsync();
        var later = new App(Guid.NewGuid(), Team.Project.Id, "Later", "web", "com.example.web", Factory.Clock.GetUtcNowMilliseconds().AddMinutes(1));
        await Factory.Directory.AddAppAsync(later);
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync("/v1/apps");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var apps = (await response.JsonAsync())["apps"]!.AsArray();
        Assert.That(apps.Select(a => a!.Text("id")), Is.EqualTo(new[] { Team.App.Id.ToString(), later.Id.ToString() }), $"nothing of {other.Team.Name}");
        Assert.That(apps[0]!.MemberNames(), Is.EqualTo(new[] { "bundle_id", "created_at", "id", "name", "platform", "project_id", "team_id" }));
        Assert.That(apps[0]!.Text("team_id"), Is.EqualTo(Team.Team.Id.ToString()));
    }

    [Test]
    public async Task ListApps_ProjectIdAndTeamId_NarrowTheList()
    {
        var other = await CreateOtherTeamAsync();
        var project = new Project(Guid.NewGuid(), Team.Team.Id, "Second", "second", null, Factory.Clock.GetUtcNowMilliseconds());
        await Factory.Directory.SaveProjectAsync(project);
        var app = new App(Guid.NewGuid(), project.Id, "Second App", "backend", null, Factory.Clock.GetUtcNowMilliseconds());
        await Factory.Directory.AddAppAsync(app);
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var ofProject = (await client.GetJsonAsync($"/v1/apps?project_id={project.Id}"))["apps"]!.AsArray();
        var ofTeam = (await client.GetJsonAsync($"/v1/apps?team_id={Team.Team.Id}"))["apps"]!.AsArray();
        var ofOtherTeam = (await client.GetJsonAsync($"/v1/apps?team_id={other.Team.Id}"))["apps"]!.AsArray();
        var ofOtherProject = await client.GetAsync($"/v1/apps?project_id={other.Project.Id}");

        Assert.That(ofProject.Select(a => a!.Text("id")), Is.EqualTo(new[] { app.Id.ToString() }));
        Assert.That(ofTeam, Has.Count.EqualTo(2));
        Assert.That(ofOtherTeam, Is.Empty, "a team the caller is not in lists nothing, as in the reference");
        Assert.That(ofOtherProject.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ofOtherProject.ErrorAsync(), Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task ListApps_DeletedProject_HidesItsApps()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { DeletedAt = Factory.Clock.GetUtcNow() });
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var apps = (await client.GetJsonAsync("/v1/apps"))["apps"]!.AsArray();
        var app = await client.GetAsync($"/v1/apps/{Team.App.Id}");

        Assert.That(apps, Is.Empty);
        Assert.That(app.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("team_id")]
    [TestCase("project_id")]
    public async Task ListApps_MalformedFilter_Is400NamingIt(string parameter)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.GetAsync($"/v1/apps?{parameter}=nope");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo($"{parameter} must be a UUID"));
    }

    [Test]
    public async Task GetApp_OwnAppByAgentKey_ReturnsIt()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.AppsRead));

        var response = await client.GetAsync($"/v1/apps/{Team.App.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var app = await response.JsonAsync();
        Assert.That((app.Text("id"), app.Text("project_id"), app.Text("team_id"), app.Text("name")),
            Is.EqualTo((Team.App.Id.ToString(), Team.Project.Id.ToString(), Team.Team.Id.ToString(), Team.App.Name)));
    }

    [Test]
    public async Task GetApp_OtherTeamsOrUnknownApp_Is404AppNotFound()
    {
        var other = await CreateOtherTeamAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var othersApp = await client.GetAsync($"/v1/apps/{other.App.Id}");
        var unknown = await client.GetAsync($"/v1/apps/{Guid.NewGuid()}");

        Assert.That((othersApp.StatusCode, unknown.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
        Assert.That(await othersApp.ErrorAsync(), Is.EqualTo("App not found"));
        Assert.That(await othersApp.BodyWithoutTraceIdAsync(), Is.EqualTo(await unknown.BodyWithoutTraceIdAsync()), "another team's app looks like no app at all");
    }

    [TestCase("GET", "/v1/apps")]
    [TestCase("GET", "/v1/apps/{app}")]
    public async Task AppRoutes_KeysWithoutAppsRead_Are403NamingIt(string method, string path)
    {
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsRead));
        using var sdk = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, ApiKeyPermissions.EventsWrite));

        foreach (var client in new[] { agent, sdk })
        {
            var response = await SendAsync(client, method, path, null);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: apps:read"));
        }
    }
}
