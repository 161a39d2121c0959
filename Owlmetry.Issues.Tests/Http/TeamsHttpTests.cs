using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The team routes where the wire is the subject: 201 Created and the members of a team, an id that is not a UUID.</summary>
public sealed class TeamsHttpTests : HttpApiFixture
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
    public async Task AddMember_SameExistingUserTenTimesAtOnce_OneIs201AndTheOthers409()
    {
        var other = await CreateOtherTeamAsync();
        var outsider = other.Users[TeamRole.Member].User;
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync(
            $"/v1/teams/{Team.Team.Id}/members", new { email = outsider.Email, role = i % 2 == 0 ? "member" : "admin" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(9), string.Join(", ", statuses));
        var added = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync();
        var members = (await (await client.GetAsync($"/v1/teams/{Team.Team.Id}")).JsonAsync())["members"]!.AsArray();
        Assert.That(members.Where(m => m!.Text("user_id") == outsider.Id.ToString()).Select(m => m!.Text("role")), Is.EqualTo(new[] { added.Text("role") }), "the team's membership is not the one the 201 reported");
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
}
