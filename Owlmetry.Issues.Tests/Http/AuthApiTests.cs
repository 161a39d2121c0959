using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

public sealed class AuthApiTests : HttpApiFixture
{
    private const string Password = "correct horse battery staple";

    [Test]
    public async Task Login_EmailInOtherCaseWithSpaces_Succeeds()
    {
        var owner = Team.Users[TeamRole.Owner].User;

        var login = await ClientFor(null).LoginAsync($"  {owner.Email.ToUpperInvariant()} ", Password);

        Assert.That(login.User.Id, Is.EqualTo(owner.Id));
    }

    [Test]
    public async Task Login_UnknownEmail_VerifiesAHashOfTheSameCostAsWrongPassword()
    {
        var hasher = new RecordingPasswordHasher();
        using var factory = Factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<User>>(hasher))));
        var user = new User(Guid.NewGuid(), "jane@example.com", "Jane", string.Empty, Factory.Clock.GetUtcNowMilliseconds());
        await factory.Services.GetRequiredService<IDirectoryStore>().AddUserAsync(user with { PasswordHash = hasher.HashPassword(user, Password) });
        // A server of its own with the recording hasher: the client is built on its HttpClient.
        using var http = factory.CreateClient();
        var client = new OwlmetryIssuesClient(http);

        Assert.ThrowsAsync<OwlmetryApiException>(() => client.LoginAsync("jane@example.com", "not the password"));
        Assert.ThrowsAsync<OwlmetryApiException>(() => client.LoginAsync("nobody@example.com", "not the password"));

        Assert.That(hasher.Verified, Has.Count.EqualTo(2));
        Assert.That(HashHeader(hasher.Verified[1]), Is.EqualTo(HashHeader(hasher.Verified[0])), "format, PRF, iterations and salt size");
    }

    [Test]
    public void Login_OverlongPassword_Is400()
    {
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => ClientFor(null).LoginAsync("a@b.c", new string('x', 201)));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task GetCurrentUser_WithAgentKey_Is403()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read"));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetCurrentUserAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Only users can access this endpoint"));
    }

    [Test]
    public void GetCurrentUser_NoToken_Is401()
    {
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => ClientFor(null).GetCurrentUserAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Error, Is.EqualTo("Missing authorization"));
    }

    [Test]
    public async Task WhoAmI_ClientKey_ReturnsTheAppItIsBoundTo()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, ApiKeyPermissions.EventsWrite));

        var whoami = await client.WhoAmIAsync();

        Assert.That((whoami.Type, whoami.KeyType), Is.EqualTo(("api_key", "client")));
        Assert.That((whoami.App!.Id, whoami.App.ProjectId, whoami.App.Name), Is.EqualTo((Team.App.Id, Team.Project.Id, Team.App.Name)));
        Assert.That(whoami.Permissions, Is.EqualTo(new[] { "events:write" }));
    }

    [Test]
    public void WhoAmI_NoToken_Is401()
    {
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => ClientFor(null).WhoAmIAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Error, Is.EqualTo("Missing authorization"));
    }

    // RFC 9110 §15.5.2: a 401 names the scheme to authenticate with; RFC 6750 §3 says why a token was refused. An MCP
    // client reads the header to tell a bad key from a server that wants an authorization flow of its own.
    [TestCase(null, "/v1/auth/whoami", "Bearer")]
    [TestCase(null, "/mcp", "Bearer")]
    [TestCase("Basic dXNlcjpwYXNz", "/v1/auth/whoami", "Bearer error=\"invalid_request\", error_description=\"Invalid authorization format\"")]
    [TestCase("Bearer owl_agent_000000000000000000000000000000000000000000000000", "/v1/auth/whoami", "Bearer error=\"invalid_token\", error_description=\"Invalid API key\"")]
    [TestCase("Bearer owl_agent_000000000000000000000000000000000000000000000000", "/mcp", "Bearer error=\"invalid_token\", error_description=\"Invalid API key\"")]
    [TestCase("Bearer not-a-token", "/v1/auth/whoami", "Bearer error=\"invalid_token\", error_description=\"Invalid or expired token\"")]
    public async Task Unauthorized_NamesTheBearerScheme_AndWhyTheTokenWasRefused(string? authorization, string path, string challenge)
    {
        using var http = Factory.CreateClient();
        using var request = new HttpRequestMessage(path == "/mcp" ? HttpMethod.Post : HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.ToString()).ToList(), Is.EqualTo(new[] { challenge }), "the 401's WWW-Authenticate");
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
