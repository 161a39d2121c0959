using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

public sealed class AuthApiTests : HttpApiFixture
{
    private const string Password = "correct horse battery staple";

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
    public async Task Login_EmailInOtherCaseWithSpaces_Succeeds()
    {
        var owner = Team.Users[TeamRole.Owner].User;
        using var client = Team.ClientWith(null);

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = $"  {owner.Email.ToUpperInvariant()} ", password = Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
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

    [Test]
    public async Task Login_UnknownEmail_VerifiesAHashOfTheSameCostAsWrongPassword()
    {
        var hasher = new RecordingPasswordHasher();
        using var factory = Factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<User>>(hasher))));
        var user = new User(Guid.NewGuid(), "jane@example.com", "Jane", string.Empty, Factory.Clock.GetUtcNowMilliseconds());
        await factory.Services.GetRequiredService<IDirectoryStore>().AddUserAsync(user with { PasswordHash = hasher.HashPassword(user, Password) });
        using var client = factory.CreateClient();

        await client.PostAsJsonAsync("/v1/auth/login", new { email = "jane@example.com", password = "not the password" });
        await client.PostAsJsonAsync("/v1/auth/login", new { email = "nobody@example.com", password = "not the password" });

        Assert.That(hasher.Verified, Has.Count.EqualTo(2));
        Assert.That(HashHeader(hasher.Verified[1]), Is.EqualTo(HashHeader(hasher.Verified[0])), "format, PRF, iterations and salt size");
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
    public async Task Login_OverlongPassword_Is400()
    {
        using var client = Team.ClientWith(null);

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = "a@b.c", password = new string('x', 201) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
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
    public async Task GetCurrentUser_WithAgentKey_Is403()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read"));

        var response = await client.GetAsync("/v1/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only users can access this endpoint"));
    }

    [Test]
    public async Task GetCurrentUser_NoToken_Is401()
    {
        using var client = Team.ClientWith(null);

        var response = await client.GetAsync("/v1/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing authorization"));
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

    [Test]
    public async Task WhoAmI_ClientKey_ReturnsTheAppItIsBoundTo()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, ApiKeyPermissions.EventsWrite));

        var response = await client.GetAsync("/v1/auth/whoami");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.JsonAsync();
        Assert.That((body.Text("type"), body.Text("key_type")), Is.EqualTo(("api_key", "client")));
        Assert.That((body["app"]!.Text("id"), body["app"]!.Text("project_id"), body["app"]!.Text("name")), Is.EqualTo((Team.App.Id.ToString(), Team.Project.Id.ToString(), Team.App.Name)));
        Assert.That(body["permissions"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "events:write" }));
    }

    [Test]
    public async Task WhoAmI_NoToken_Is401()
    {
        using var client = Team.ClientWith(null);

        var response = await client.GetAsync("/v1/auth/whoami");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing authorization"));
    }

    // Version 3 hashes start with the format marker, PRF, iteration count and salt size.
    private static string HashHeader(string hash) => Convert.ToHexString(Convert.FromBase64String(hash).AsSpan(0, 13));

    private sealed class RecordingPasswordHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new();

        public List<string> Verified { get; } = [];

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            lock (Verified)
            {
                Verified.Add(hashedPassword);
            }

            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
