using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The project routes where the wire is the subject: the members of a project and its apps, 201 Created with its
/// Location, the success codes, bodies the client does not send (a frequency of the wrong type, nothing to update,
/// a retention), an id that is not a UUID.
/// </summary>
public sealed class ProjectsHttpTests : HttpApiFixture
{
    [Test]
    public async Task ListProjects_AsMember_ReturnsOnlyTheirTeamsLiveProjects()
    {
        await Factory.Directory.SaveProjectAsync(new Project(
            Guid.NewGuid(), Team.Team.Id, "Gone", "gone", null, Factory.Clock.GetUtcNow(), DeletedAt: Factory.Clock.GetUtcNow()));
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync("/v1/projects");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var projects = (await response.JsonAsync())["projects"]!.AsArray();
        Assert.That(projects.Select(p => p!.Text("id")), Is.EqualTo(new[] { Team.Project.Id.ToString() }));
        Assert.That(projects[0]!.MemberNames(), Is.EqualTo(new[]
        {
            "color", "created_at", "effective_issue_alert_frequency", "effective_retention_days_events", "id", "issue_alert_frequency",
            "name", "retention_days_events", "slug", "team_id",
        }));
        Assert.That(projects[0]!["issue_alert_frequency"], Is.Null);
        Assert.That(projects[0]!.Text("effective_issue_alert_frequency"), Is.EqualTo("daily"));
    }

    [Test]
    public async Task GetProject_AsMember_ReturnsProjectWithApps()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var project = await response.JsonAsync();
        Assert.That(project.Text("slug"), Is.EqualTo(Team.Project.Slug));
        var app = project["apps"]!.AsArray().Single()!;
        Assert.That(app.MemberNames(), Is.EqualTo(new[] { "bundle_id", "created_at", "id", "name", "platform", "project_id", "team_id" }));
        Assert.That(app.Text("id"), Is.EqualTo(Team.App.Id.ToString()));
        Assert.That(app.Text("team_id"), Is.EqualTo(Team.Team.Id.ToString()));
    }

    [Test]
    public async Task GetProject_MalformedId_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.GetAsync("/v1/projects/12345");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CreateProject_AsAdmin_Is201()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Checkout", slug = "checkout" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var project = await response.JsonAsync();
        Assert.That(project.Text("team_id"), Is.EqualTo(Team.Team.Id.ToString()));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/v1/projects/{project.Text("id")}"));
        var read = await client.GetAsync($"/v1/projects/{project.Text("id")}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CreateProject_AgentKeyWithProjectsWrite_Is201()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsWrite));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Bot project", slug = "bot-project" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task CreateProject_SlugOfADeletedProject_Is201()
    {
        await DeleteTheTeamsProjectAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Reborn", slug = Team.Project.Slug });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task UpdateProject_NameAndFrequency_Is200WithBothFrequencies()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.PatchAsJsonAsync($"/v1/projects/{Team.Project.Id}", new { name = "Renamed", issue_alert_frequency = "6_hourly" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var project = await response.JsonAsync();
        Assert.That(project.Text("name"), Is.EqualTo("Renamed"));
        Assert.That(project.Text("issue_alert_frequency"), Is.EqualTo("6_hourly"));
        Assert.That(project.Text("effective_issue_alert_frequency"), Is.EqualTo("6_hourly"));
    }

    [TestCase("\"monthly\"")]
    [TestCase("3")]
    [TestCase("\"Daily\"")]
    public async Task UpdateProject_UnknownFrequency_Is400ListingValues(string frequency)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsync(
            $"/v1/projects/{Team.Project.Id}",
            new StringContent($"{{\"issue_alert_frequency\":{frequency}}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("issue_alert_frequency must be one of: none, hourly, 6_hourly, daily, weekly"));
    }

    [Test]
    public async Task UpdateProject_NothingToUpdate_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsJsonAsync($"/v1/projects/{Team.Project.Id}", new { });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("POST", "/v1/projects", "{\"team_id\":\"{team}\",\"name\":\"Kept\",\"slug\":\"kept\",\"retention_days_events\":90}")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"retention_days_events\":90}")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"retention_days_events\":\"90\"}")]
    public async Task ManageProject_RetentionDays_Is400SayingRetentionIsServerWide(string method, string path, string json)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await SendAsync(client, method, path, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("retention_days_events cannot be set per project: this server keeps events 30 days for every project"));
    }

    [Test]
    public async Task UpdateProject_RetentionDaysNull_IsTheDefaultAlreadyAndChangesNothing()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsync($"/v1/projects/{Team.Project.Id}", JsonContent.Create(new JsonObject { ["retention_days_events"] = null }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.JsonAsync()).Text("name"), Is.EqualTo(Team.Project.Name));
    }

    private async Task DeleteTheTeamsProjectAsync() =>
        await Factory.Directory.SaveProjectAsync(Team.Project with { DeletedAt = Factory.Clock.GetUtcNow() });
}
