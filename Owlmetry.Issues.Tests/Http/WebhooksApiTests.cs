using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Managing team webhooks (CONTRACT §9) through the client; no request is ever sent to the URLs used here.</summary>
public sealed class WebhooksApiTests : HttpApiFixture
{
    // A public address given as a literal: accepted without a DNS lookup, and never called (nothing is scanned).
    private const string PublicUrl = "https://93.184.216.34/owlmetry";

    // The default limit: 20 webhooks per team.
    private const int MaxPerTeam = 20;

    private HttpTeam _other = null!;

    [SetUp]
    public async Task SetUp() => _other = await CreateOtherTeamAsync();

    [Test]
    public async Task List_ByRole_MembersAndProjectReadKeysOnly()
    {
        var callers = new[]
        {
            Team.Token(TeamRole.Member),
            await Team.CreateKeyAsync(ApiKeyType.Agent, "projects:read"),
            await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read"),
            _other.Token(TeamRole.Owner),
        };

        var outcomes = new List<HttpStatusCode>();
        foreach (var bearer in callers)
        {
            outcomes.Add((await OutcomeAsync(() => ClientFor(bearer).ListWebhooksAsync(Team.Team.Id))).Status);
        }

        Assert.That(outcomes, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.NotFound }));
    }

    [Test]
    public async Task Create_TeamAtItsWebhookLimit_Is409_AndADeleteMakesRoom()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var created = new List<Guid>();
        for (var i = 0; i < MaxPerTeam; i++)
        {
            created.Add((await owner.CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest($"{PublicUrl}/{i}", null, null))).Webhook.Id);
        }

        var overTheLimit = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest($"{PublicUrl}/over", null, null)));
        var elsewhere = (await OutcomeAsync(() => ClientFor(_other.Token(TeamRole.Owner)).CreateWebhookAsync(_other.Team.Id, new CreateWebhookRequest(PublicUrl, null, null)))).Status;
        await owner.DeleteWebhookAsync(Team.Team.Id, created[0]);
        var afterADelete = (await OutcomeAsync(() => owner.CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest($"{PublicUrl}/again", null, null)))).Status;

        Assert.That((overTheLimit?.StatusCode, overTheLimit?.Error), Is.EqualTo((HttpStatusCode.Conflict, $"A team has at most {MaxPerTeam} webhooks; delete one to add another")));
        Assert.That((elsewhere, afterADelete), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)), "another team's, and this team's once one is deleted");
        Assert.That(await owner.ListWebhooksAsync(Team.Team.Id), Has.Count.EqualTo(MaxPerTeam));
    }

    [TestCase("http://127.0.0.1:8080/hook")]
    [TestCase("http://localhost/hook")]
    [TestCase("http://10.1.2.3/hook")]
    [TestCase("http://172.16.5.4/hook")]
    [TestCase("http://192.168.0.10/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("http://100.64.0.1/hook")]
    [TestCase("http://0.0.0.0/hook")]
    [TestCase("http://[::1]/hook")]
    [TestCase("http://[fe80::1]/hook")]
    [TestCase("http://[fd00::1]/hook")]
    [TestCase("http://[::ffff:127.0.0.1]/hook")]
    [TestCase("http://[::10.0.0.1]/hook")]
    [TestCase("http://192.0.0.170/hook")]
    [TestCase("http://192.0.2.1/hook")]
    [TestCase("http://198.18.0.1/hook")]
    [TestCase("http://198.19.255.254/hook")]
    [TestCase("http://198.51.100.7/hook")]
    [TestCase("http://203.0.113.9/hook")]
    [TestCase("http://[::ffff:0:7f00:1]/hook")]
    [TestCase("http://[64:ff9b::7f00:1]/hook")]
    [TestCase("http://[64:ff9b::a9fe:a9fe]/hook")]
    [TestCase("http://[64:ff9b:1::1]/hook")]
    [TestCase("http://[2002:c0a8:1::1]/hook")]
    [TestCase("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook")]
    public async Task Create_PrivateNetworkUrl_Is400(string url)
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest(url)));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("url must not point to a loopback, private or link-local address"));
        Assert.That(await owner.ListWebhooksAsync(Team.Team.Id), Is.Empty);
    }

    [TestCase("http://[64:ff9b::5db8:d822]/hook")]
    [TestCase("http://[2002:5db8:d822::1]/hook")]
    [TestCase("http://[2606:4700:4700::1111]/hook")]
    [TestCase("http://198.17.255.254/hook")]
    [TestCase("http://198.20.0.1/hook")]
    [TestCase("http://192.0.1.1/hook")]
    [TestCase("http://203.0.114.1/hook")]
    public async Task Create_PublicAddressInIPv6OrBesideASpecialBlock_Is201(string url)
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var created = await owner.CreateWebhookAsync(Team.Team.Id, new CreateWebhookRequest(url));

        Assert.That(created.Webhook.Url, Is.EqualTo(url), "a public address was refused or rewritten");
    }

    [Test]
    public async Task DeleteAndDeliveries_AnotherTeamsWebhook_Are404()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var id = await CreateAsync(_other);

        Assert.That((await OutcomeAsync(() => owner.DeleteWebhookAsync(Team.Team.Id, id))).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await OutcomeAsync(() => owner.ListWebhookDeliveriesAsync(Team.Team.Id, id))).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await OutcomeAsync(() => owner.DeleteWebhookAsync(_other.Team.Id, id))).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Deliveries_NewWebhook_IsAnEmptyList()
    {
        var id = await CreateAsync(Team);
        var member = ClientFor(Team.Token(TeamRole.Member));

        var deliveries = await member.ListWebhookDeliveriesAsync(Team.Team.Id, id);

        Assert.That(deliveries, Is.Empty);
    }

    /// <summary>A webhook of <paramref name="team"/>, created by its owner; returns its id.</summary>
    private async Task<Guid> CreateAsync(HttpTeam team) =>
        (await ClientFor(team.Token(TeamRole.Owner)).CreateWebhookAsync(team.Team.Id, new CreateWebhookRequest(PublicUrl))).Webhook.Id;
}
