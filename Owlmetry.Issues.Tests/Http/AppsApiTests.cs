using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

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
}
