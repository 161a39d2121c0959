using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// <c>POST /v1/auth/password</c> (one's own, with the current password) and
/// <c>POST /v1/teams/:teamId/members/:userId/reset-password</c> (an administrator's): who may, and that the user's
/// earlier tokens stop working.
/// </summary>
public sealed class PasswordApiTests : HttpApiFixture
{
    private const string Password = "correct horse battery staple";

    [Test]
    public async Task ChangePassword_WithCurrentPassword_GivesANewToken_AndEndsTheOldOnes()
    {
        using var before = Team.ClientWith(Team.Token(TeamRole.Member));
        var email = Team.Users[TeamRole.Member].User.Email;

        var response = await before.PostAsJsonAsync("/v1/auth/password", new { current_password = Password, new_password = "a brand new passphrase" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "teams", "token", "user" }));
        var oldToken = await before.GetAsync("/v1/auth/me");
        Assert.That(oldToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token from before the change still works");
        Assert.That(await oldToken.ErrorAsync(), Is.EqualTo("Token no longer valid: log in again"));
        using var after = Team.ClientWith(body.Text("token"));
        Assert.That((await after.GetAsync("/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token the change gave does not work");
        using var anonymous = Team.ClientWith(null);
        Assert.That((await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = Password })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old password still logs in");
        Assert.That((await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = "a brand new passphrase" })).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the new password does not log in");
    }

    [Test]
    public async Task ChangePassword_WrongCurrentPassword_Is403AndChangesNothing()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));
        var hash = Team.Users[TeamRole.Member].User.PasswordHash;

        var response = await client.PostAsJsonAsync("/v1/auth/password", new { current_password = "not my password", new_password = "a brand new passphrase" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Current password is incorrect"));
        Assert.That((await Factory.Directory.FindUserAsync(Team.Users[TeamRole.Member].User.Id))!.PasswordHash, Is.EqualTo(hash));
        Assert.That((await client.GetAsync("/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a refused change ended the token");
    }

    [TestCase("{}", "current_password is required")]
    [TestCase("""{"current_password":"correct horse battery staple"}""", "new_password is required")]
    [TestCase("""{"current_password":"correct horse battery staple","new_password":"short"}""", "new_password must be 8 to 200 characters")]
    public async Task ChangePassword_BadBody_Is400(string json, string error)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await SendAsync(client, "POST", "/v1/auth/password", json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith(error));
    }

    [Test]
    public async Task ChangePassword_WithAgentKeyOrNoCredentials_IsRefused()
    {
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.All.ToArray()));
        using var anonymous = Team.ClientWith(null);
        var body = new { current_password = Password, new_password = "a brand new passphrase" };

        var byKey = await agent.PostAsJsonAsync("/v1/auth/password", body);
        var byNobody = await anonymous.PostAsJsonAsync("/v1/auth/password", body);

        Assert.That(byKey.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byNobody.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ChangePassword_OverTheLoginLimit_Is429EvenWithTheRightPassword()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?>
        {
            ["Auth:LoginRateLimit:PermitLimit"] = "3",
            ["Auth:LoginRateLimit:Window"] = "01:00:00",
        });
        var team = await HttpTeam.CreateAsync(factory);
        using var client = team.ClientWith(team.Token(TeamRole.Member));

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            guesses.Add((await client.PostAsJsonAsync("/v1/auth/password", new { current_password = $"guess {i}", new_password = "a brand new passphrase" })).StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/v1/auth/password", new { current_password = Password, new_password = "a brand new passphrase" });

        Assert.That(guesses, Is.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("Rate limit exceeded"));
    }

    [TestCase(TeamRole.Owner, TeamRole.Member)]
    [TestCase(TeamRole.Owner, TeamRole.Admin)]
    [TestCase(TeamRole.Admin, TeamRole.Member)]
    public async Task ResetPassword_ByAdministrator_GivesANewPassword_AndEndsTheUsersTokens(TeamRole caller, TeamRole target)
    {
        using var client = Team.ClientWith(Team.Token(caller));
        using var targetsOldToken = Team.ClientWith(Team.Token(target));
        var user = Team.Users[target].User;

        var response = await client.PostAsync($"/v1/teams/{Team.Team.Id}/members/{user.Id}/reset-password", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body["user"]!.Text("email"), Is.EqualTo(user.Email));
        var password = body.Text("password");
        Assert.That(password, Has.Length.AtLeast(20));
        Assert.That((await targetsOldToken.GetAsync("/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the user's token from before the reset still works");
        using var anonymous = Team.ClientWith(null);
        Assert.That((await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password })).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the new password does not log in");
        Assert.That((await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old password still logs in");
    }

    [Test]
    public async Task ResetPassword_AdminOfOwner_Is403AndChangesNothing()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await admin.PostAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Owner].User.Id}/reset-password", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only owners can reset an owner's password"));
        await AssertPasswordUnchangedAsync(TeamRole.Owner);
    }

    [Test]
    public async Task ResetPassword_ByMember_Is403()
    {
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await member.PostAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Admin].User.Id}/reset-password", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only team owners and admins can reset passwords"));
        await AssertPasswordUnchangedAsync(TeamRole.Admin);
    }

    [Test]
    public async Task ResetPassword_UserWhoAlsoOwnsAnotherTeam_Is403_NoTakeoverThroughASharedTeam()
    {
        // The member of team A creates team B and owns it: team A's owner administers only one of their teams.
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        Assert.That((await member.PostAsJsonAsync("/v1/teams", new { name = "Side project", slug = $"side-{Guid.NewGuid():N}" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PostAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Member].User.Id}/reset-password", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only someone who administers every team of this user can reset their password"));
        await AssertPasswordUnchangedAsync(TeamRole.Member);
    }

    [Test]
    public async Task ResetPassword_OfAnotherTeamsUser_Is404()
    {
        var other = await CreateOtherTeamAsync();
        using var outsider = Team.ClientWith(other.Token(TeamRole.Owner));
        var target = Team.Users[TeamRole.Member].User.Id;

        var theirTeam = await outsider.PostAsync($"/v1/teams/{Team.Team.Id}/members/{target}/reset-password", null);
        var viaOwnTeam = await outsider.PostAsync($"/v1/teams/{other.Team.Id}/members/{target}/reset-password", null);

        Assert.That(theirTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await theirTeam.ErrorAsync(), Is.EqualTo("Team not found"));
        Assert.That(viaOwnTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await viaOwnTeam.ErrorAsync(), Is.EqualTo("Member not found"));
        await AssertPasswordUnchangedAsync(TeamRole.Member);
    }

    [Test]
    public async Task ResetPassword_OwnPassword_Is400()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PostAsync($"/v1/teams/{Team.Team.Id}/members/{Team.Users[TeamRole.Owner].User.Id}/reset-password", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith("Change your own password"));
        await AssertPasswordUnchangedAsync(TeamRole.Owner);
    }

    private async Task AssertPasswordUnchangedAsync(TeamRole role)
    {
        var user = Team.Users[role].User;
        Assert.That((await Factory.Directory.FindUserAsync(user.Id))!.PasswordHash, Is.EqualTo(user.PasswordHash), $"the {role}'s password changed");
    }
}
