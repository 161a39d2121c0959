using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The app routes where the wire is the subject: 201 Created, the members of an app, no client secret outside the
/// creation answer, a filter that is not a UUID, another team's app answering the very body of an unknown one.
/// </summary>
public sealed class AppsHttpTests : HttpApiFixture
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
        var created = await ClientFor(Team.Token(TeamRole.Owner))
            .CreateAppAsync(new CreateAppRequest(Team.Project.Id.ToString(), "iOS", "apple", " com.example.ios "));
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var project = await (await client.GetAsync($"/v1/projects/{Team.Project.Id}")).JsonAsync();

        var listed = project["apps"]!.AsArray().Single(a => a!.Text("id") == created.Id.ToString())!;
        Assert.That(listed.Text("bundle_id"), Is.EqualTo("com.example.ios"));
        Assert.That(listed["client_secret"], Is.Null);
    }

    [Test]
    public async Task CreateApp_AgentKeyWithAppsWrite_Is201()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.AppsWrite));

        var response = await client.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "Worker", platform = "backend" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
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
}
