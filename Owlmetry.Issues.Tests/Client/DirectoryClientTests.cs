using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

/// <summary>The routes the server adds around the Issues API: login, teams, projects, apps, keys, webhooks, health.</summary>
public sealed class DirectoryClientTests : HttpApiFixture
{
    private const string PublicUrl = "https://93.184.216.34/owlmetry";

    [Test]
    public async Task LoginAsync_ThenTheTokenAuthenticates_MeAndWhoAmI()
    {
        var anonymous = ClientFor(null);
        var owner = Team.Users[TeamRole.Owner].User;

        var login = await anonymous.LoginAsync(owner.Email, "correct horse battery staple");
        var client = ClientFor(login.Token);
        var me = await client.GetCurrentUserAsync();
        var whoami = await client.WhoAmIAsync();

        Assert.That(me.User.Id, Is.EqualTo(owner.Id));
        Assert.That(me.Teams.Select(t => (t.Id, t.Role)), Is.EqualTo(new[] { (Team.Team.Id, "owner") }));
        Assert.That((whoami.Type, whoami.Email), Is.EqualTo(("user", owner.Email)));
    }

    [Test]
    public void LoginAsync_WrongPassword_ThrowsWith401()
    {
        var anonymous = ClientFor(null);

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => anonymous.LoginAsync(Team.Users[TeamRole.Owner].User.Email, "wrong"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Error, Is.EqualTo("Invalid email or password"));
    }

    [Test]
    public async Task Teams_CreateGetAndAddMember_AndTheSameMemberTwiceIs409()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var team = await owner.CreateTeamAsync(new CreateTeamRequest("Platform", "platform"));
        var member = await owner.AddTeamMemberAsync(team.Id, new AddMemberRequest("new@example.com", "New Person", "a long enough password"));
        var detail = await owner.GetTeamAsync(team.Id);
        var again = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.AddTeamMemberAsync(team.Id, new AddMemberRequest("new@example.com")));

        Assert.That(member.Role, Is.EqualTo("member"));
        Assert.That(detail.Members.Select(m => m.Email), Is.EquivalentTo(new[] { Team.Users[TeamRole.Owner].User.Email, "new@example.com" }));
        Assert.That(again!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(again.Error, Is.EqualTo("User is already a member of this team"));
    }

    [Test]
    public async Task GetTeamAsync_AnotherTeam_ThrowsWith404()
    {
        var other = await CreateOtherTeamAsync();
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.GetTeamAsync(other.Team.Id));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Team not found"));
    }

    [Test]
    public async Task Projects_CreateListGetAndUpdate()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var created = await owner.CreateProjectAsync(new CreateProjectRequest(Team.Team.Id.ToString(), "Checkout", "checkout", "#336699"));
        var updated = await owner.UpdateProjectAsync(created.Id, new UpdateProjectRequest(Name: "Checkout v2"));
        var listed = await owner.ListProjectsAsync();
        var detail = await owner.GetProjectAsync(Team.Project.Id);

        Assert.That(created.Color, Is.EqualTo("#336699"));
        Assert.That(updated.Name, Is.EqualTo("Checkout v2"));
        Assert.That(listed.Select(p => p.Id), Is.EquivalentTo(new[] { Team.Project.Id, created.Id }));
        Assert.That(detail.Apps.Select(a => a.Id), Is.EqualTo(new[] { Team.App.Id }));
    }

    [Test]
    public async Task Apps_CreateListAndGet_TheClientSecretOnlyAtCreation()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var created = await owner.CreateAppAsync(new CreateAppRequest(Team.Project.Id.ToString(), "Android", "android", "com.example.shop"));
        var listed = await owner.ListAppsAsync(projectId: Team.Project.Id);
        var one = await owner.GetAppAsync(created.Id);

        Assert.That(created.ClientSecret, Is.Not.Empty);
        Assert.That(listed.Select(a => a.Id), Is.EquivalentTo(new[] { Team.App.Id, created.Id }));
        Assert.That(one.BundleId, Is.EqualTo("com.example.shop"));
    }

    [Test]
    public async Task Keys_CreateListAndRevoke_TheRevokedKeyIsRefused()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var key = await owner.CreateApiKeyAsync(new CreateApiKeyRequest("triage bot", "agent", Team.Team.Id.ToString(), Permissions: ["issues:read"]));
        var asKey = ClientFor(key.Secret);
        var whoami = await asKey.WhoAmIAsync();
        var listed = await owner.ListApiKeysAsync();
        await owner.RevokeApiKeyAsync(key.Id);
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => asKey.WhoAmIAsync());

        Assert.That(whoami.Permissions, Is.EqualTo(new[] { "issues:read" }));
        Assert.That(listed.Select(k => k.Name), Does.Contain("triage bot"));
        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void RevokeApiKeyAsync_UnknownKey_ThrowsWith404()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.RevokeApiKeyAsync(Guid.NewGuid()));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("API key not found"));
    }

    [Test]
    public async Task Webhooks_CreateListDeliveriesAndDelete()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var created = await owner.CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest(PublicUrl));
        var listed = await owner.ListWebhooksAsync(Team.Team.Id);
        var deliveries = await owner.ListWebhookDeliveriesAsync(Team.Team.Id, created.Webhook.Id);
        await owner.DeleteWebhookAsync(Team.Team.Id, created.Webhook.Id);
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.ListWebhookDeliveriesAsync(Team.Team.Id, created.Webhook.Id));

        Assert.That(created.Secret, Is.Not.Empty);
        Assert.That(listed.Select(w => w.Url), Is.EqualTo(new[] { PublicUrl }));
        Assert.That(deliveries, Is.Empty);
        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Webhook not found"));
    }

    [Test]
    public async Task GetHealthAsync_WithoutCredential_IsOk()
    {
        var anonymous = ClientFor(null);

        var health = await anonymous.GetHealthAsync();

        Assert.That(health.Status, Is.EqualTo("ok"));
    }

    [Test]
    public void ListProjectsAsync_WithoutCredential_ThrowsWith401()
    {
        var anonymous = ClientFor(null);

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => anonymous.ListProjectsAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Error, Is.Not.Empty);
    }
}
