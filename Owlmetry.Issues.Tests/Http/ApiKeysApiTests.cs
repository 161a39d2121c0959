using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

public sealed class ApiKeysApiTests : HttpApiFixture
{
    [Test]
    public async Task CreateKey_AgentWithoutPermissions_GetsReadOnlyDefaults()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var key = await client.CreateApiKeyAsync(AgentKey("reader"));

        Assert.That(key.Permissions, Is.EquivalentTo(ApiKeyPermissions.AgentDefault));
        Assert.That(key.Permissions, Has.None.EndsWith(":write"));
    }

    [Test]
    public void CreateKey_ClientWithOtherPermissions_Is400()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => client.CreateApiKeyAsync(new CreateApiKeyRequest("sdk", "client", AppId: Team.App.Id.ToString(), Permissions: ["issues:read"])));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void CreateKey_UnknownPermission_Is400ListingPermissions()
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => client.CreateApiKeyAsync(AgentKey("bot") with { Permissions = ["issues:read", "admin:all"] }));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Does.StartWith("Unknown permission: admin:all; valid values: issues:read, issues:write"));
    }

    [TestCase(0)]
    [TestCase(3651)]
    public void CreateKey_ExpiryOutOfRange_Is400(int days)
    {
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.CreateApiKeyAsync(AgentKey("bot") with { ExpiresInDays = days }));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CreateKey_ForAnotherTeam_Is404()
    {
        var other = await CreateOtherTeamAsync();
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var forTeam = Assert.ThrowsAsync<OwlmetryApiException>(
            () => client.CreateApiKeyAsync(new CreateApiKeyRequest("bot", "agent", other.Team.Id.ToString())));
        var forApp = Assert.ThrowsAsync<OwlmetryApiException>(
            () => client.CreateApiKeyAsync(new CreateApiKeyRequest("sdk", "client", AppId: other.App.Id.ToString())));

        Assert.That(forTeam!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(forTeam.Error, Is.EqualTo("Team not found"));
        Assert.That(forApp!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(forApp.Error, Is.EqualTo("App not found"));
    }

    [Test]
    public void CreateKey_AsMember_Is403()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.CreateApiKeyAsync(AgentKey("bot")));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Only team owners and admins can manage API keys"));
    }

    [Test]
    public async Task CreateKey_WithAgentKey_Is403()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.All.ToArray()));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.CreateApiKeyAsync(AgentKey("bot")));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Only users can manage API keys"));
    }

    [Test]
    public async Task ListKeys_AsMember_IsEmpty()
    {
        await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read");
        var client = ClientFor(Team.Token(TeamRole.Member));

        var keys = await client.ListApiKeysAsync();

        Assert.That(keys, Is.Empty);
    }

    [Test]
    public async Task RevokeKey_Twice_Is404()
    {
        var admin = ClientFor(Team.Token(TeamRole.Admin));
        var key = await admin.CreateApiKeyAsync(AgentKey("bot"));
        await admin.RevokeApiKeyAsync(key.Id);

        var again = Assert.ThrowsAsync<OwlmetryApiException>(() => admin.RevokeApiKeyAsync(key.Id));

        Assert.That(again!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Error, Is.EqualTo("API key not found"));
    }

    [Test]
    public async Task RevokeKey_OfAnotherTeam_Is404AndKeyStillWorks()
    {
        var other = await CreateOtherTeamAsync();
        var secret = await other.CreateKeyAsync(ApiKeyType.Agent, "projects:read");
        var keyId = (await Factory.Directory.ListKeysAsync([other.Team.Id])).Single().Id;
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.RevokeApiKeyAsync(keyId));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ClientFor(secret).ListProjectsAsync(), Is.Not.Empty, "the other team's key still works");
    }

    [Test]
    public async Task RevokeKey_AsMember_Is403()
    {
        await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read");
        var keyId = (await Factory.Directory.ListKeysAsync([Team.Team.Id])).Single().Id;
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.RevokeApiKeyAsync(keyId));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task CreateKey_WithExpiry_IsRefusedOnceExpired()
    {
        var created = await ClientFor(Team.Token(TeamRole.Admin)).CreateApiKeyAsync(AgentKey("temp") with { Permissions = ["issues:read"], ExpiresInDays = 7 });
        var agent = ClientFor(created.Secret);
        Assert.That(created.ExpiresAt, Is.EqualTo(Factory.Clock.GetUtcNowMilliseconds().AddDays(7)));
        Factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.That(await agent.ListIssuesAsync(Team.Project.Id).ToListAsync(), Is.Empty, "the key still works a second before it expires");

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(async () => await agent.ListIssuesAsync(Team.Project.Id).ToListAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Error, Is.EqualTo("API key expired"));
    }

    private CreateApiKeyRequest AgentKey(string name) => new(name, "agent", Team.Team.Id.ToString());
}
