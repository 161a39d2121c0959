using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The webhook routes where the wire is the subject (CONTRACT §9): 201 Created, the members of a new webhook and no
/// secret in a list, bodies written as text, the delete body; no request is ever sent to the URLs used here.
/// </summary>
public sealed class WebhooksHttpTests : HttpApiFixture
{
    // A public address given as a literal: accepted without a DNS lookup, and never called (nothing is scanned).
    private const string PublicUrl = "https://93.184.216.34/owlmetry";

    private HttpTeam _other = null!;

    [SetUp]
    public async Task SetUp() => _other = await CreateOtherTeamAsync();

    [Test]
    public async Task Create_WithoutSecret_Answers201WithAGeneratedSecretShownOnlyThere()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PostAsJsonAsync(Path(Team), new { url = PublicUrl });
        var listed = await (await owner.GetAsync(Path(Team))).JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "secret", "webhook" }));
        Assert.That(body.Text("secret"), Does.StartWith("whsec_").And.Length.EqualTo(70));
        var webhook = body["webhook"]!;
        Assert.That(webhook.MemberNames(), Is.EqualTo(new[] { "created_at", "events", "id", "url" }));
        Assert.That(webhook.Text("url"), Is.EqualTo(PublicUrl));
        Assert.That(webhook["events"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { "issue.new", "issue.digest" }));
        var listedHook = listed["webhooks"]!.AsArray().Single()!;
        Assert.That(listedHook.Text("id"), Is.EqualTo(webhook.Text("id")));
        Assert.That(listedHook.MemberNames(), Does.Not.Contain("secret"));
    }

    [Test]
    public async Task Create_WithSecretAndEvents_KeepsThem()
    {
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await admin.PostAsJsonAsync(Path(Team), new { url = PublicUrl, secret = "my-own-secret", events = new[] { "issue.digest" } });

        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(body.Text("secret"), Is.EqualTo("my-own-secret"));
        Assert.That(body["webhook"]!["events"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { "issue.digest" }));
    }

    [Test]
    public async Task Create_ByRole_OwnersAdminsAndProjectWriteKeysOnly()
    {
        var callers = new[]
        {
            Team.Token(TeamRole.Member),
            await Team.CreateKeyAsync(ApiKeyType.Agent, "projects:write"),
            await Team.CreateKeyAsync(ApiKeyType.Agent, "projects:read"),
            await Team.CreateKeyAsync(ApiKeyType.Client, "events:write"),
            _other.Token(TeamRole.Owner),
        };

        var statuses = new List<HttpStatusCode>();
        foreach (var bearer in callers)
        {
            using var client = Team.ClientWith(bearer);
            statuses.Add((await client.PostAsJsonAsync(Path(Team), new { url = PublicUrl })).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[]
        {
            HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound,
        }));
    }

    [Test]
    public async Task List_ByRole_TheUrlWholeOnlyToThoseWhoMayManageWebhooks()
    {
        const string slackStyle = "https://hooker:pw@93.184.216.34:8443/services/T0/B0/secret-path?token=abc";
        await ClientFor(Team.Token(TeamRole.Owner)).CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest(slackStyle));
        var callers = new[]
        {
            Team.Token(TeamRole.Owner),
            Team.Token(TeamRole.Admin),
            await Team.CreateKeyAsync(ApiKeyType.Agent, "projects:write", "projects:read"),
            Team.Token(TeamRole.Member),
            await Team.CreateKeyAsync(ApiKeyType.Agent, "projects:read"),
        };

        var urls = new List<string>();
        foreach (var bearer in callers)
        {
            using var client = Team.ClientWith(bearer);
            var listed = await (await client.GetAsync(Path(Team))).JsonAsync();
            urls.Add(listed["webhooks"]!.AsArray().Single()!.Text("url"));
        }

        const string redacted = "https://93.184.216.34:8443/****";
        Assert.That(urls, Is.EqualTo(new[] { slackStyle, slackStyle, slackStyle, redacted, redacted }), "owner, admin, projects:write key, member, projects:read key");
    }

    [Test]
    public async Task Create_PrivateNetworkUrlWhenAllowed_Is201()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" });
        var team = await HttpTeam.CreateAsync(factory);
        using var owner = team.ClientWith(team.Token(TeamRole.Owner));

        var response = await owner.PostAsJsonAsync(Path(team), new { url = "http://127.0.0.1:9/hook" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("{}", "url is required")]
    [TestCase("{\"url\":\"ftp://93.184.216.34/x\"}", "url must be an absolute http or https URL")]
    [TestCase("{\"url\":\"/relative/path\"}", "url must be an absolute http or https URL")]
    [TestCase("{\"url\":\"https://93.184.216.34/x\",\"events\":[\"issue.closed\"]}", "Invalid events; valid values: issue.new, issue.digest")]
    [TestCase("{\"url\":\"https://93.184.216.34/x\",\"events\":[]}", "Invalid events; valid values: issue.new, issue.digest")]
    [TestCase("{\"url\":\"https://93.184.216.34/x\",\"secret\":\"\"}", "secret must be between 1 and 256 characters")]
    [TestCase("{\"url\":\"https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x\"}", "url host must be at most 253 characters", TestName = "{m}_HostLongerThanADnsName")]
    public async Task Create_BadInput_Is400WithMessage(string json, string message)
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PostAsync(Path(Team), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(message));
    }

    [Test]
    public async Task Delete_OwnWebhook_RemovesItAndItsDeliveries()
    {
        var id = (await ClientFor(Team.Token(TeamRole.Owner)).CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest(PublicUrl))).Webhook.Id;
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var deleted = await owner.DeleteAsync($"{Path(Team)}/{id}");
        var again = await owner.DeleteAsync($"{Path(Team)}/{id}");
        var deliveries = await owner.GetAsync($"{Path(Team)}/{id}/deliveries");

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await deleted.JsonAsync())["deleted"]!.GetValue<bool>(), Is.True);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await again.ErrorAsync(), Is.EqualTo("Webhook not found"));
        Assert.That(deliveries.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static string Path(HttpTeam team) => $"/v1/teams/{team.Team.Id}/webhooks";
}
