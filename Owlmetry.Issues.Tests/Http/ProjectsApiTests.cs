using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class ProjectsApiTests : HttpApiFixture
{
    public enum HiddenProject { OfAnotherTeam, Deleted, Unknown }

    private HttpTeam _other = null!;

    [SetUp]
    public async Task SetUp() => _other = await CreateOtherTeamAsync();

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
    public async Task ListProjects_AgentKeyWithProjectsRead_ReturnsItsTeamsProjects()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsRead));

        var response = await client.GetAsync("/v1/projects");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.JsonAsync())["projects"]!.AsArray().Select(p => p!.Text("id")), Is.EqualTo(new[] { Team.Project.Id.ToString() }));
    }

    [TestCase(ApiKeyPermissions.IssuesRead, "GET", "/v1/projects", null, ApiKeyPermissions.ProjectsRead,
        TestName = "ListProjects_AgentKeyWithoutProjectsRead_Is403")]
    [TestCase(ApiKeyPermissions.ProjectsRead, "POST", "/v1/projects", "{\"team_id\":\"{team}\",\"name\":\"Bot project\",\"slug\":\"bot-project\"}", ApiKeyPermissions.ProjectsWrite,
        TestName = "CreateProject_AgentKeyWithoutProjectsWrite_Is403")]
    public async Task Route_AgentKeyWithoutTheRoutesPermission_Is403NamingIt(string granted, string method, string path, string? json, string missing)
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, granted));

        var response = await SendAsync(client, method, path, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo($"Missing permission: {missing}"));
    }

    [Test]
    public async Task ListProjects_ClientKey_Is403()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, ApiKeyPermissions.EventsWrite));

        var response = await client.GetAsync("/v1/projects");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
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

    [TestCase(HiddenProject.OfAnotherTeam, TestName = "GetProject_OfAnotherTeam_Is404ProjectNotFound")]
    [TestCase(HiddenProject.Deleted, TestName = "GetProject_Deleted_Is404ProjectNotFound")]
    [TestCase(HiddenProject.Unknown, TestName = "GetProject_Unknown_Is404ProjectNotFound")]
    public async Task GetProject_NotTheOwnersToSee_Is404ProjectNotFound(HiddenProject hidden)
    {
        var id = hidden switch
        {
            HiddenProject.OfAnotherTeam => _other.Project.Id,
            HiddenProject.Deleted => await DeleteTheTeamsProjectAsync(),
            _ => Guid.NewGuid(),
        };
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.GetAsync($"/v1/projects/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Project not found"));
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

    [TestCase("POST", "/v1/projects", "{\"team_id\":\"{team}\",\"name\":\"Checkout\",\"slug\":\"checkout\"}", TestName = "CreateProject_AsMember_Is403")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"name\":\"Mine now\"}", TestName = "UpdateProject_AsMember_Is403")]
    public async Task ManageProject_AsMember_Is403(string method, string path, string json)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await SendAsync(client, method, path, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only team owners and admins can manage projects"));
    }

    [Test]
    public async Task CreateProject_InAnotherTeam_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = _other.Team.Id, name = "Sneaky", slug = "sneaky" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Team not found"));
    }

    [Test]
    public async Task CreateProject_DuplicateSlugInTeam_Is409()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Again", slug = Team.Project.Slug });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task CreateProject_SlugOfADeletedProject_Is201()
    {
        await DeleteTheTeamsProjectAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Reborn", slug = Team.Project.Slug });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("not-a-uuid", "team_id must be a UUID")]
    [TestCase("", "team_id is required")]
    public async Task CreateProject_BadTeamId_Is400(string teamId, string error)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/projects", new { team_id = teamId, name = "X", slug = "x" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(error));
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

    [Test]
    public async Task UpdateProject_FrequencyNull_ResetsToDefault()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { IssueAlertFrequency = "weekly" });
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsync(
            $"/v1/projects/{Team.Project.Id}", new StringContent("{\"issue_alert_frequency\":null}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var project = await response.JsonAsync();
        Assert.That(project["issue_alert_frequency"], Is.Null);
        Assert.That(project.Text("effective_issue_alert_frequency"), Is.EqualTo("daily"));
    }

    [Test]
    public async Task UpdateProject_NameOnly_KeepsFrequency()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { IssueAlertFrequency = "none" });
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsJsonAsync($"/v1/projects/{Team.Project.Id}", new { name = "Only the name" });

        Assert.That((await response.JsonAsync()).Text("issue_alert_frequency"), Is.EqualTo("none"));
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

    [Test]
    public async Task UpdateProject_BlankName_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsJsonAsync($"/v1/projects/{Team.Project.Id}", new { name = "   " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("name is required"));
    }

    [Test]
    public async Task UpdateProject_OfAnotherTeam_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PatchAsJsonAsync($"/v1/projects/{_other.Project.Id}", new { name = "Mine now" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task CreateProject_WithoutColor_TakesThePaletteColorsTheTeamDoesNotUseYet()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { Color = ProjectColors.Palette[0] });
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var first = await (await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "One", slug = "one" })).JsonAsync();
        var second = await (await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Two", slug = "two" })).JsonAsync();
        var othersFirst = await (await _other.ClientWith(_other.Token(TeamRole.Owner))
            .PostAsJsonAsync("/v1/projects", new { team_id = _other.Team.Id, name = "One", slug = "one" })).JsonAsync();

        Assert.That((first.Text("color"), second.Text("color")), Is.EqualTo((ProjectColors.Palette[1], ProjectColors.Palette[2])));
        Assert.That(othersFirst.Text("color"), Is.EqualTo(ProjectColors.Palette[0]), "each team has its own palette");
    }

    [Test]
    public async Task CreateAndUpdateProject_Color_IsStoredAndShown()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var created = await (await client.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Red", slug = "red", color = "#FF0000" })).JsonAsync();
        var updated = await client.PatchAsJsonAsync($"/v1/projects/{created.Text("id")}", new { color = "#22c55e" });
        var detail = await client.GetJsonAsync($"/v1/projects/{created.Text("id")}");

        Assert.That(created.Text("color"), Is.EqualTo("#FF0000"));
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await updated.JsonAsync()).Text("color"), Is.EqualTo("#22c55e"));
        Assert.That(detail.Text("color"), Is.EqualTo("#22c55e"));
    }

    [TestCase("POST", "/v1/projects", "{\"team_id\":\"{team}\",\"name\":\"Red\",\"slug\":\"red\",\"color\":\"red\"}")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"color\":\"#12345\"}")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"color\":\"#1234567\"}")]
    public async Task ManageProject_ColorNotRrGgBb_Is400(string method, string path, string json)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await SendAsync(client, method, path, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("color must be a valid hex code in #RRGGBB format"));
    }

    [Test]
    public async Task GetProject_StoredWithoutColor_ShowsTheFallbackColorAndTheServersRetention()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var project = await client.GetJsonAsync($"/v1/projects/{Team.Project.Id}");

        Assert.That(project.Text("color"), Is.EqualTo(ProjectColors.Fallback));
        Assert.That(project["retention_days_events"], Is.Null, "no project overrides the server-wide retention");
        Assert.That(project["effective_retention_days_events"]!.GetValue<int>(), Is.EqualTo(30));
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

    private async Task<Guid> DeleteTheTeamsProjectAsync()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { DeletedAt = Factory.Clock.GetUtcNow() });
        return Team.Project.Id;
    }
}
