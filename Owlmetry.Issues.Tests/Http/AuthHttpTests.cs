using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The auth routes where the wire is the subject: the members of the login, me and whoami bodies, a refused login's
/// whole body, bodies written as text.
/// </summary>
public sealed class AuthHttpTests : HttpApiFixture
{
    private const string Password = "correct horse battery staple";

    [TestCase("Basic YWRtaW46cGFzcw==", "Invalid authorization format")]
    [TestCase("Bearer", "Invalid authorization format")]
    [TestCase("Token abc", "Invalid authorization format")]
    [TestCase("Bearer not-a-jwt", "Invalid or expired token")]
    [TestCase("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "Invalid or expired token")]
    public async Task Request_AuthorizationTheReferenceRefuses_Is401InItsWords(string authorization, string expected)
    {
        using var client = Team.ClientWith(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues");

        Assert.That((response.StatusCode, await response.ErrorAsync()), Is.EqualTo((HttpStatusCode.Unauthorized, expected)));
    }

    [Test]
    public async Task Request_ExpiredUserToken_Is401InTheReferencesWords()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));
        Factory.Clock.Advance(TimeSpan.FromDays(31));

        using var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues");

        Assert.That((response.StatusCode, await response.ErrorAsync()), Is.EqualTo((HttpStatusCode.Unauthorized, "Invalid or expired token")));
    }

    [Test]
    public async Task Login_CorrectPassword_ReturnsTokenUserAndTeams()
    {
        var owner = Team.Users[TeamRole.Owner].User;
        using var client = Team.ClientWith(null);

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = owner.Email, password = Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "teams", "token", "user" }));
        Assert.That(body["user"]!.MemberNames(), Is.EqualTo(new[] { "email", "id", "name" }));
        Assert.That(body["user"]!.Text("id"), Is.EqualTo(owner.Id.ToString()));
        var team = body["teams"]!.AsArray().Single()!;
        Assert.That(team.Text("id"), Is.EqualTo(Team.Team.Id.ToString()));
        Assert.That(team.Text("slug"), Is.EqualTo(Team.Team.Slug));
        Assert.That(team.Text("role"), Is.EqualTo("owner"));

        using var signedIn = Team.ClientWith(body.Text("token"));
        var me = await signedIn.GetAsync("/v1/auth/me");
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_WrongPasswordAndUnknownEmail_GiveIdenticalStatusAndBody()
    {
        using var client = Team.ClientWith(null);

        var wrongPassword = await client.PostAsJsonAsync(
            "/v1/auth/login", new { email = Team.Users[TeamRole.Owner].User.Email, password = "not the password" });
        var unknownEmail = await client.PostAsJsonAsync("/v1/auth/login", new { email = "nobody@example.com", password = "not the password" });

        Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknownEmail.StatusCode, Is.EqualTo(wrongPassword.StatusCode));
        Assert.That(await unknownEmail.BodyWithoutTraceIdAsync(), Is.EqualTo(await wrongPassword.BodyWithoutTraceIdAsync()));
        Assert.That(await wrongPassword.ErrorAsync(), Is.EqualTo("Invalid email or password"));
    }

    [TestCase("{}")]
    [TestCase("{\"email\":\"a@b.c\"}")]
    [TestCase("{\"password\":\"12345678\"}")]
    public async Task Login_MissingField_Is400(string json)
    {
        using var client = Team.ClientWith(null);

        var response = await client.PostAsync("/v1/auth/login", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("email and password are required"));
    }

    [Test]
    public async Task Login_MalformedJson_Is400()
    {
        using var client = Team.ClientWith(null);

        var response = await client.PostAsync("/v1/auth/login", new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith("Invalid JSON"));
    }

    [Test]
    public async Task GetCurrentUser_AsAdmin_ReturnsUserAndTeamsWithRole()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.GetAsync("/v1/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "teams", "user" }));
        Assert.That(body["user"]!.Text("email"), Is.EqualTo(Team.Users[TeamRole.Admin].User.Email));
        Assert.That(body["teams"]![0]!.Text("role"), Is.EqualTo("admin"));
    }

    [Test]
    public async Task WhoAmI_AsUser_ReturnsTheUserAndTheirTeamsWithRole()
    {
        var admin = Team.Users[TeamRole.Admin].User;
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.GetAsync("/v1/auth/whoami");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "email", "id", "name", "teams", "type" }));
        Assert.That((body.Text("type"), body.Text("id"), body.Text("email")), Is.EqualTo(("user", admin.Id.ToString(), admin.Email)));
        var team = body["teams"]!.AsArray().Single()!;
        Assert.That((team.Text("id"), team.Text("slug"), team.Text("role")), Is.EqualTo((Team.Team.Id.ToString(), Team.Team.Slug, "admin")));
    }

    [Test]
    public async Task WhoAmI_AgentKey_ReturnsItsNameTypePermissionsAndTeam()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.IssuesRead, ApiKeyPermissions.EventsRead));

        var response = await client.GetAsync("/v1/auth/whoami");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "id", "key_type", "name", "permissions", "team", "type" }), "an agent key of a team has no app");
        Assert.That((body.Text("type"), body.Text("key_type"), body.Text("name")), Is.EqualTo(("api_key", "agent", "Agent key")));
        Assert.That(body["permissions"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "issues:read", "events:read" }));
        Assert.That((body["team"]!.Text("id"), body["team"]!.Text("name"), body["team"]!.Text("slug")), Is.EqualTo((Team.Team.Id.ToString(), Team.Team.Name, Team.Team.Slug)));
    }
}
