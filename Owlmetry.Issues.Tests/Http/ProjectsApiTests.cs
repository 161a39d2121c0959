using System.Net;
using System.Text.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class ProjectsApiTests : HttpApiFixture
{
    public enum HiddenProject { OfAnotherTeam, Deleted, Unknown }

    public enum ProjectRoute { List, Create, Update }

    private HttpTeam _other = null!;

    [SetUp]
    public async Task SetUp() => _other = await CreateOtherTeamAsync();

    [Test]
    public async Task ListProjects_AgentKeyWithProjectsRead_ReturnsItsTeamsProjects()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.ProjectsRead));

        var projects = await client.ListProjectsAsync();

        Assert.That(projects.Select(p => p.Id), Is.EqualTo(new[] { Team.Project.Id }));
    }

    [TestCase(ApiKeyPermissions.IssuesRead, ProjectRoute.List, ApiKeyPermissions.ProjectsRead, TestName = "ListProjects_AgentKeyWithoutProjectsRead_Is403")]
    [TestCase(ApiKeyPermissions.ProjectsRead, ProjectRoute.Create, ApiKeyPermissions.ProjectsWrite, TestName = "CreateProject_AgentKeyWithoutProjectsWrite_Is403")]
    public async Task Route_AgentKeyWithoutTheRoutesPermission_Is403NamingIt(string granted, ProjectRoute route, string missing)
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, granted));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => CallAsync(client, route, "Bot project"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo($"Missing permission: {missing}"));
    }

    [Test]
    public async Task ListProjects_ClientKey_Is403()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, ApiKeyPermissions.EventsWrite));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.ListProjectsAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
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
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetProjectAsync(id));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Project not found"));
    }

    [TestCase(ProjectRoute.Create, TestName = "CreateProject_AsMember_Is403")]
    [TestCase(ProjectRoute.Update, TestName = "UpdateProject_AsMember_Is403")]
    public void ManageProject_AsMember_Is403(ProjectRoute route)
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => CallAsync(client, route, "Mine now"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Only team owners and admins can manage projects"));
    }

    [Test]
    public void CreateProject_InAnotherTeam_Is404()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => client.CreateProjectAsync(new CreateProjectRequest(_other.Team.Id.ToString(), "Sneaky", "sneaky")));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Team not found"));
    }

    [Test]
    public void CreateProject_DuplicateSlugInTeam_Is409()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => client.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), "Again", Team.Project.Slug)));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("not-a-uuid", "team_id must be a UUID")]
    [TestCase("", "team_id is required")]
    public void CreateProject_BadTeamId_Is400(string teamId, string error)
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.CreateProjectAsync(new CreateProjectRequest(teamId, "X", "x")));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo(error));
    }

    [Test]
    public async Task UpdateProject_FrequencyNull_ResetsToDefault()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { IssueAlertFrequency = "weekly" });
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var project = await client.UpdateProjectAsync(Team.Project.Id, new UpdateProjectRequest { IssueAlertFrequency = JsonSerializer.SerializeToElement<string?>(null) });

        Assert.That(project.IssueAlertFrequency, Is.Null);
        Assert.That(project.EffectiveIssueAlertFrequency, Is.EqualTo("daily"));
    }

    [Test]
    public async Task UpdateProject_NameOnly_KeepsFrequency()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { IssueAlertFrequency = "none" });
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var project = await client.UpdateProjectAsync(Team.Project.Id, new UpdateProjectRequest(Name: "Only the name"));

        Assert.That(project.IssueAlertFrequency, Is.EqualTo("none"));
    }

    [Test]
    public void UpdateProject_BlankName_Is400()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.UpdateProjectAsync(Team.Project.Id, new UpdateProjectRequest(Name: "   ")));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("name is required"));
    }

    [Test]
    public void UpdateProject_OfAnotherTeam_Is404()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.UpdateProjectAsync(_other.Project.Id, new UpdateProjectRequest(Name: "Mine now")));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task CreateProject_WithoutColor_TakesThePaletteColorsTheTeamDoesNotUseYet()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { Color = ProjectColors.Palette[0] });
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var first = await client.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), "One", "one"));
        var second = await client.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), "Two", "two"));
        var othersFirst = await ClientFor(_other.Token(TeamRole.Owner)).CreateProjectAsync(new CreateProjectRequest(_other.Team.Id.ToString(), "One", "one"));

        Assert.That((first.Color, second.Color), Is.EqualTo((ProjectColors.Palette[1], ProjectColors.Palette[2])));
        Assert.That(othersFirst.Color, Is.EqualTo(ProjectColors.Palette[0]), "each team has its own palette");
    }

    [Test]
    public async Task CreateAndUpdateProject_Color_IsStoredAndShown()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var created = await client.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), "Red", "red", "#FF0000"));
        var updated = await client.UpdateProjectAsync(created.Id, new UpdateProjectRequest(Color: "#22c55e"));
        var detail = await client.GetProjectAsync(created.Id);

        Assert.That(created.Color, Is.EqualTo("#FF0000"));
        Assert.That(updated.Color, Is.EqualTo("#22c55e"));
        Assert.That(detail.Color, Is.EqualTo("#22c55e"));
    }

    [TestCase(ProjectRoute.Create, "red")]
    [TestCase(ProjectRoute.Update, "#12345")]
    [TestCase(ProjectRoute.Update, "#1234567")]
    public void ManageProject_ColorNotRrGgBb_Is400(ProjectRoute route, string color)
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => route == ProjectRoute.Create
            ? client.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), "Red", "red", color))
            : client.UpdateProjectAsync(Team.Project.Id, new UpdateProjectRequest(Color: color)));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("color must be a valid hex code in #RRGGBB format"));
    }

    [Test]
    public async Task GetProject_StoredWithoutColor_ShowsTheFallbackColorAndTheServersRetention()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var project = await client.GetProjectAsync(Team.Project.Id);

        Assert.That(project.Color, Is.EqualTo(ProjectColors.Fallback));
        Assert.That(project.RetentionDaysEvents, Is.Null, "no project overrides the server-wide retention");
        Assert.That(project.EffectiveRetentionDaysEvents, Is.EqualTo(30));
    }

    [Test]
    public async Task GetProject_ServerWithItsOwnEventRetention_ShowsItsDays()
    {
        using var server = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Events:Retention"] = "7.00:00:00" });
        var team = await HttpTeam.CreateAsync(server);

        var project = await server.CreateApiClient(team.Token(TeamRole.Member)).GetProjectAsync(team.Project.Id);

        Assert.That(project.EffectiveRetentionDaysEvents, Is.EqualTo(7), "Events:Retention, the server-wide event retention");
    }

    /// <summary>Calls one project route as <paramref name="client"/>, naming a new project or the new name <paramref name="name"/>.</summary>
    private Task CallAsync(OwlmetryIssuesClient client, ProjectRoute route, string name) => route switch
    {
        ProjectRoute.List => client.ListProjectsAsync(),
        ProjectRoute.Create => client.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), name, "bot-project")),
        _ => client.UpdateProjectAsync(Team.Project.Id, new UpdateProjectRequest(Name: name)),
    };

    private async Task<Guid> DeleteTheTeamsProjectAsync()
    {
        await Factory.Directory.SaveProjectAsync(Team.Project with { DeletedAt = Factory.Clock.GetUtcNow() });
        return Team.Project.Id;
    }
}
