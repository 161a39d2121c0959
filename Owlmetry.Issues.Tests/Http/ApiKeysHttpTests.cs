using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The API key routes where the wire is the subject: 201 Created and the members of a new key, bodies written as
/// text, no secret or hash anywhere in a list, the revoke body, an id that is not a UUID.
/// </summary>
public sealed class ApiKeysHttpTests : HttpApiFixture
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
    public async Task RevokeKey_ThenUsingIt_Is401InvalidApiKey()
    {
        var created = await ClientFor(Team.Token(TeamRole.Admin))
            .CreateApiKeyAsync(new CreateApiKeyRequest("bot", "agent", Team.Team.Id.ToString(), Permissions: ["issues:read"]));
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        using var agent = Team.ClientWith(created.Secret);
        Assert.That((await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await admin.DeleteAsync($"/v1/auth/keys/{created.Id}");

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await revoked.JsonAsync())["deleted"]!.GetValue<bool>(), Is.True);
        var refused = await agent.GetAsync($"/v1/projects/{Team.Project.Id}/issues");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("Invalid API key"));
        var listed = (await (await admin.GetAsync("/v1/auth/keys")).JsonAsync())["api_keys"]!.AsArray();
        Assert.That(listed.Select(k => k!.Text("id")), Does.Not.Contain(created.Id.ToString()));
    }

    [Test]
    public async Task RevokeKey_MalformedId_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.DeleteAsync("/v1/auth/keys/not-a-uuid");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
