using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class TeamsApiTests : HttpApiFixture
{
    [Test]
    public async Task CreateTeam_AsUser_Is201AndCallerIsOwner()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/teams", new { name = "  Platform  ", slug = "platform" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var team = await response.JsonAsync();
        Assert.That(team.MemberNames(), Is.EqualTo(new[] { "created_at", "id", "name", "slug" }));
        Assert.That(team.Text("name"), Is.EqualTo("Platform"));
        var me = await (await client.GetAsync("/v1/auth/me")).JsonAsync();
        var membership = me["teams"]!.AsArray().Single(t => t!.Text("id") == team.Text("id"))!;
        Assert.That(membership.Text("role"), Is.EqualTo("owner"));
    }

    [Test]
    public async Task CreateTeam_DuplicateSlug_Is409()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/teams", new { name = "Copy", slug = Team.Team.Slug });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("A team with this slug already exists"));
    }

    [TestCase("Has-Capitals")]
    [TestCase("-leading-hyphen")]
    [TestCase("under_score")]
    [TestCase("trailing-newline\n")]
    [TestCase("")]
    public async Task CreateTeam_InvalidSlug_Is400(string slug)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/teams", new { name = "Team", slug });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith("slug"));
    }

    [Test]
    public async Task CreateTeam_SlugOf64Characters_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/teams", new { name = "Team", slug = new string('a', 64) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CreateTeam_NameOver200Characters_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/teams", new { name = new string('n', 201), slug = "long-name" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("name must be at most 200 characters"));
    }

    [Test]
    public async Task CreateTeam_WithAgentKey_Is403()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.All.ToArray()));

        var response = await client.PostAsJsonAsync("/v1/teams", new { name = "Bots", slug = "bots" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task GetTeam_AsMember_ReturnsMembersWithRoles()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/teams/{Team.Team.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var team = await response.JsonAsync();
        Assert.That(team.Text("slug"), Is.EqualTo(Team.Team.Slug));
        var members = team["members"]!.AsArray();
        Assert.That(members.Select(m => m!.Text("role")), Is.EquivalentTo(new[] { "owner", "admin", "member" }));
        var owner = members.Single(m => m!.Text("role") == "owner")!;
        Assert.That(owner.Text("id"), Is.EqualTo(Team.Users[TeamRole.Owner].User.Id.ToString()));
        Assert.That(owner.Text("email"), Is.EqualTo(Team.Users[TeamRole.Owner].User.Email));
        Assert.That(owner.Text("name"), Is.EqualTo(Team.Users[TeamRole.Owner].User.Name));
    }

    [Test]
    public async Task GetTeam_OfAnotherTeam_Is404()
    {
        var other = await CreateOtherTeamAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.GetAsync($"/v1/teams/{other.Team.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Team not found"));
    }

    [Test]
    public async Task GetTeam_MalformedId_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.GetAsync("/v1/teams/not-a-uuid");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AddMember_NewEmail_Is201AndTheNewUserCanLogIn()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = "New.Person@Example.com", name = "New Person", password = "s3cret-pass", role = "member" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var member = await response.JsonAsync();
        Assert.That(member.Text("email"), Is.EqualTo("new.person@example.com"));
        Assert.That(member.Text("role"), Is.EqualTo("member"));
        using var anonymous = Team.ClientWith(null);
        var login = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = "new.person@example.com", password = "s3cret-pass" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await login.JsonAsync())["teams"]![0]!.Text("id"), Is.EqualTo(Team.Team.Id.ToString()));
    }

    [Test]
    public async Task AddMember_ExistingUser_Is201AndKeepsTheirPassword()
    {
        var other = await CreateOtherTeamAsync();
        var outsider = other.Users[TeamRole.Member].User;
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = outsider.Email, name = "Renamed", password = "hijacked-password", role = "admin" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await response.JsonAsync()).Text("id"), Is.EqualTo(outsider.Id.ToString()));
        Assert.That((await response.JsonAsync()).Text("name"), Is.EqualTo(outsider.Name));
        using var anonymous = Team.ClientWith(null);
        var hijack = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = outsider.Email, password = "hijacked-password" });
        Assert.That(hijack.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AddMember_AlreadyMember_Is409()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = Team.Users[TeamRole.Member].User.Email, role = "member" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task AddMember_NewEmailWithoutPassword_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/members", new { email = "fresh@example.com", name = "Fresh" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("password is required"));
    }

    [TestCase("short")]
    [TestCase(null)]
    public async Task AddMember_NewEmailWithBadPassword_Is400(string? password)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = "fresh@example.com", name = "Fresh", password = password ?? new string('p', 201) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("password must be 8 to 200 characters"));
    }

    [TestCase("no-at-sign")]
    [TestCase("@example.com")]
    [TestCase("two@@example.com")]
    [TestCase("white space@example.com")]
    public async Task AddMember_InvalidEmail_Is400(string email)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/members", new { email, name = "X", password = "password1" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("email must be an email address"));
    }

    [Test]
    public async Task AddMember_EmailOver254Characters_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = new string('a', 250) + "@b.cd", name = "X", password = "password1" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AddMember_UnknownRole_Is400ListingRoles()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = "x@example.com", name = "X", password = "password1", role = "superuser" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("role must be one of: owner, admin, member"));
    }

    [TestCase(TeamRole.Member, "member", "Only team owners and admins can add members", TestName = "AddMember_AsMember_Is403")]
    [TestCase(TeamRole.Admin, "owner", "Only owners can add owners", TestName = "AddMember_AdminAddsOwner_Is403")]
    public async Task AddMember_RoleTheCallerMayNotGrant_Is403WithTheReason(TeamRole caller, string role, string error)
    {
        using var client = Team.ClientWith(Team.Token(caller));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = "x@example.com", name = "X", password = "password1", role });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(error));
    }

    [Test]
    public async Task AddMember_OwnerAddsOwner_Is201()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = "co-owner@example.com", name = "Co Owner", password = "password1", role = "owner" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await response.JsonAsync()).Text("role"), Is.EqualTo("owner"));
    }

    [Test]
    public async Task AddMember_ToAnotherTeam_Is404()
    {
        var other = await CreateOtherTeamAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            $"/v1/teams/{other.Team.Id}/members", new { email = "x@example.com", name = "X", password = "password1", role = "member" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
