using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of the directory endpoints as clients see them, ids, secrets and times scrubbed.</summary>
public sealed class DirectoryApiSnapshotTests : HttpApiFixture
{
    private HttpClient _owner = null!;

    [SetUp]
    public void SetUp() => _owner = Team.ClientWith(Team.Token(TeamRole.Owner));

    [TearDown]
    public void TearDown() => _owner.Dispose();

    [Test]
    public async Task Auth_LoginMeAndWrongPassword_Bodies()
    {
        using var anonymous = Team.ClientWith(null);
        var email = Team.Users[TeamRole.Owner].User.Email;

        var login = await Body(await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = "correct horse battery staple" }));
        var me = await _owner.GetStringAsync("/v1/auth/me");
        var refused = await Body(await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = "wrong password" }));

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"login\":{login},\"me\":{me},\"refused\":{refused}}}"));
    }

    [Test]
    public async Task WhoAmI_UserAgentKeyAndClientKey_Bodies()
    {
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read", "jobs:write"));
        using var sdk = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, "events:write"));

        var user = await _owner.GetStringAsync("/v1/auth/whoami");
        var agentKey = await agent.GetStringAsync("/v1/auth/whoami");
        var clientKey = await sdk.GetStringAsync("/v1/auth/whoami");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"user\":{user},\"agent_key\":{agentKey},\"client_key\":{clientKey}}}"));
    }

    [Test]
    public async Task Teams_CreateGetAndAddMember_Bodies()
    {
        var created = await Body(await _owner.PostAsJsonAsync("/v1/teams", new { name = "Platform", slug = $"platform-{Guid.NewGuid():N}" }));
        var teamId = JsonNode.Parse(created)!["id"]!.GetValue<string>();
        var member = await Body(await _owner.PostAsJsonAsync($"/v1/teams/{teamId}/members",
            new { email = $"dev-{Guid.NewGuid():N}@example.com", name = "Dev", password = "a long password", role = "member" }));
        var team = await _owner.GetStringAsync($"/v1/teams/{teamId}");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"created\":{created},\"member\":{member},\"team\":{team}}}"));
    }

    [Test]
    public async Task Projects_CreateListGetAndUpdate_Bodies()
    {
        var created = await Body(await _owner.PostAsJsonAsync("/v1/projects", new { team_id = Team.Team.Id, name = "Checkout", slug = "checkout" }));
        var projectId = JsonNode.Parse(created)!["id"]!.GetValue<string>();
        var updated = await Body(await _owner.PatchAsJsonAsync($"/v1/projects/{projectId}", new { issue_alert_frequency = "hourly" }));
        var detail = await _owner.GetStringAsync($"/v1/projects/{Team.Project.Id}");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"created\":{created},\"updated\":{updated},\"detail\":{detail}}}"));
    }

    [Test]
    public async Task AppsAndKeys_CreateListAndRevoke_Bodies()
    {
        var app = await Body(await _owner.PostAsJsonAsync("/v1/apps", new { project_id = Team.Project.Id, name = "iOS", platform = "apple", bundle_id = "com.example.shop" }));
        var key = await Body(await _owner.PostAsJsonAsync("/v1/auth/keys",
            new { name = "triage bot", key_type = "agent", team_id = Team.Team.Id, permissions = new[] { "issues:read", "issues:write" }, expires_in_days = 30 }));
        var keyId = JsonNode.Parse(key)!["api_key"]!["id"]!.GetValue<string>();
        var revoked = await Body(await _owner.DeleteAsync($"/v1/auth/keys/{keyId}"));
        var keys = await _owner.GetStringAsync("/v1/auth/keys");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"app\":{app},\"key\":{key},\"revoked\":{Json(revoked)},\"keys\":{keys}}}"));
    }

    [Test]
    public async Task Apps_ListAndGet_Bodies()
    {
        var list = await _owner.GetStringAsync("/v1/apps");
        var app = await _owner.GetStringAsync($"/v1/apps/{Team.App.Id}");
        var missing = await Body(await _owner.GetAsync($"/v1/apps/{Guid.NewGuid()}"));

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"list\":{list},\"app\":{app},\"missing\":{missing}}}"));
    }

    private static async Task<string> Body(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static string Json(string body) => string.IsNullOrEmpty(body) ? "null" : body;
}
