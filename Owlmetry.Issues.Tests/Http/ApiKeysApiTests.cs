using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

public sealed class ApiKeysApiTests : HttpApiFixture
{
    [Test]
    public async Task CreateKey_Agent_Is201WithSecretThatListsIssues()
    {
        await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.PostAsJsonAsync(
            "/v1/auth/keys", new { name = "triage-bot", key_type = "agent", team_id = Team.Team.Id, permissions = new[] { "issues:read", "issues:write" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "api_key" }));
        var key = body["api_key"]!;
        Assert.That(key.MemberNames(), Is.EqualTo(new[]
        {
            "app_id", "created_at", "expires_at", "id", "key_type", "name", "permissions", "secret", "team_id",
        }));
        Assert.That(key.Text("key_type"), Is.EqualTo("agent"));
        Assert.That(key.Text("team_id"), Is.EqualTo(Team.Team.Id.ToString()));
        Assert.That(key["permissions"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "issues:read", "issues:write" }));
        Assert.That(key["expires_at"], Is.Null);
        Assert.That(key.Text("secret"), Does.Match("^owl_agent_[0-9a-f]{48}$"));
        using var agent = Team.ClientWith(key.Text("secret"));
        var issues = await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues");
        Assert.That(issues.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CreateKey_AgentWithoutPermissions_GetsReadOnlyDefaults()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/auth/keys", new { name = "reader", key_type = "agent", team_id = Team.Team.Id });

        var permissions = (await response.JsonAsync())["api_key"]!["permissions"]!.AsArray().Select(p => p!.GetValue<string>());
        Assert.That(permissions, Is.EquivalentTo(ApiKeyPermissions.AgentDefault));
        Assert.That(permissions, Has.None.EndsWith(":write"));
    }

    [Test]
    public async Task CreateKey_ClientForApp_GetsEventsWriteAndTheAppsTeam()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync("/v1/auth/keys", new { name = "sdk", key_type = "client", app_id = Team.App.Id });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var key = (await response.JsonAsync())["api_key"]!;
        Assert.That(key.Text("app_id"), Is.EqualTo(Team.App.Id.ToString()));
        Assert.That(key.Text("team_id"), Is.EqualTo(Team.Team.Id.ToString()));
        Assert.That(key["permissions"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "events:write" }));
        Assert.That(key.Text("secret"), Does.StartWith("owl_client_"));
    }

    [TestCase("{\"name\":\"sdk\",\"key_type\":\"client\",\"team_id\":\"{team}\"}", "Client keys require an app_id",
        TestName = "CreateKey_ClientWithoutAppId_Is400")]
    [TestCase("{\"name\":\"bot\",\"key_type\":\"agent\",\"team_id\":\"{team}\",\"permissions\":[\"issues:read\",\"issues:read\"]}", "Duplicate permission: issues:read",
        TestName = "CreateKey_DuplicatePermission_Is400")]
    [TestCase("{\"name\":\"bot\",\"key_type\":\"root\",\"team_id\":\"{team}\"}", "key_type must be one of: agent, client",
        TestName = "CreateKey_UnknownKeyType_Is400")]
    [TestCase("{\"name\":\"bot\",\"key_type\":\"agent\",\"team_id\":\"team-1\"}", "team_id must be a UUID",
        TestName = "CreateKey_MalformedTeamId_Is400")]
    public async Task CreateKey_InvalidBody_Is400WithTheReason(string json, string error)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await SendAsync(client, "POST", "/v1/auth/keys", json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(error));
    }

    [Test]
    public async Task CreateKey_ClientWithOtherPermissions_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            "/v1/auth/keys", new { name = "sdk", key_type = "client", app_id = Team.App.Id, permissions = new[] { "issues:read" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CreateKey_UnknownPermission_Is400ListingPermissions()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            "/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = Team.Team.Id, permissions = new[] { "issues:read", "admin:all" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith("Unknown permission: admin:all; valid values: issues:read, issues:write"));
    }

    [TestCase(0)]
    [TestCase(3651)]
    public async Task CreateKey_ExpiryOutOfRange_Is400(int days)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsJsonAsync(
            "/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = Team.Team.Id, expires_in_days = days });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CreateKey_ForAnotherTeam_Is404()
    {
        var other = await CreateOtherTeamAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var forTeam = await client.PostAsJsonAsync("/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = other.Team.Id });
        var forApp = await client.PostAsJsonAsync("/v1/auth/keys", new { name = "sdk", key_type = "client", app_id = other.App.Id });

        Assert.That(forTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await forTeam.ErrorAsync(), Is.EqualTo("Team not found"));
        Assert.That(forApp.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await forApp.ErrorAsync(), Is.EqualTo("App not found"));
    }

    [Test]
    public async Task CreateKey_AsMember_Is403()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PostAsJsonAsync("/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = Team.Team.Id });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only team owners and admins can manage API keys"));
    }

    [Test]
    public async Task CreateKey_WithAgentKey_Is403()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.All.ToArray()));

        var response = await client.PostAsJsonAsync("/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = Team.Team.Id });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Only users can manage API keys"));
    }

    [Test]
    public async Task ListKeys_AsAdmin_HasNoSecretsOrHashes()
    {
        await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read");
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await client.GetAsync("/v1/auth/keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("owl_agent_").And.Not.Contain("secret").And.Not.Contain("hash"));
        var key = (await response.JsonAsync())["api_keys"]!.AsArray().Single()!;
        Assert.That(key.MemberNames(), Is.EqualTo(new[] { "app_id", "created_at", "expires_at", "id", "key_type", "name", "permissions", "team_id" }));
    }

    [Test]
    public async Task ListKeys_AsMember_IsEmpty()
    {
        await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read");
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync("/v1/auth/keys");

        Assert.That((await response.JsonAsync())["api_keys"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task RevokeKey_ThenUsingIt_Is401InvalidApiKey()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var created = (await (await admin.PostAsJsonAsync(
            "/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = Team.Team.Id, permissions = new[] { "issues:read" } })).JsonAsync())["api_key"]!;
        using var agent = Team.ClientWith(created.Text("secret"));
        Assert.That((await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await admin.DeleteAsync($"/v1/auth/keys/{created.Text("id")}");

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await revoked.JsonAsync())["deleted"]!.GetValue<bool>(), Is.True);
        var refused = await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("Invalid API key"));
        var listed = (await (await admin.GetAsync("/v1/auth/keys")).JsonAsync())["api_keys"]!.AsArray();
        Assert.That(listed.Select(k => k!.Text("id")), Does.Not.Contain(created.Text("id")));
    }

    [Test]
    public async Task RevokeKey_Twice_Is404()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var id = (await (await admin.PostAsJsonAsync(
            "/v1/auth/keys", new { name = "bot", key_type = "agent", team_id = Team.Team.Id })).JsonAsync())["api_key"]!.Text("id");
        await admin.DeleteAsync($"/v1/auth/keys/{id}");

        var again = await admin.DeleteAsync($"/v1/auth/keys/{id}");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await again.ErrorAsync(), Is.EqualTo("API key not found"));
    }

    [Test]
    public async Task RevokeKey_OfAnotherTeam_Is404AndKeyStillWorks()
    {
        var other = await CreateOtherTeamAsync();
        var secret = await other.CreateKeyAsync(ApiKeyType.Agent, "projects:read");
        var keyId = (await Factory.Directory.ListKeysAsync([other.Team.Id])).Single().Id;
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.DeleteAsync($"/v1/auth/keys/{keyId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var stillValid = other.ClientWith(secret);
        Assert.That((await stillValid.GetAsync("/v1/projects")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RevokeKey_AsMember_Is403()
    {
        await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read");
        var keyId = (await Factory.Directory.ListKeysAsync([Team.Team.Id])).Single().Id;
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.DeleteAsync($"/v1/auth/keys/{keyId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task RevokeKey_MalformedId_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.DeleteAsync("/v1/auth/keys/not-a-uuid");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CreateKey_WithExpiry_IsRefusedOnceExpired()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var created = (await (await admin.PostAsJsonAsync(
            "/v1/auth/keys",
            new { name = "temp", key_type = "agent", team_id = Team.Team.Id, permissions = new[] { "issues:read" }, expires_in_days = 7 })).JsonAsync())["api_key"]!;
        using var agent = Team.ClientWith(created.Text("secret"));
        Assert.That(
            DateTimeOffset.Parse(created.Text("expires_at"), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(Factory.Clock.GetUtcNowMilliseconds().AddDays(7)));
        Factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.That((await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("API key expired"));
    }
}
