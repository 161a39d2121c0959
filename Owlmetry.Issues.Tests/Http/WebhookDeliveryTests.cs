using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Webhook deliveries over real loopback HTTP (CONTRACT §9), with short retry delays.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "test-webhook-secret";

    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task SetUp() => _receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task TearDown() => await _receiver.DisposeAsync();

    [Test]
    public async Task Scan_NewIssue_IsPostedSignedToTheWebhook()
    {
        using var factory = Server(maxAttempts: 3);
        var team = await HttpTeam.CreateAsync(factory);
        var webhookId = await CreateWebhookAsync(team);

        await IngestAndScanAsync(team, "Connection refused");

        var received = (await _receiver.WaitForAsync(1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(received.ContentType, Is.EqualTo("application/json"));
            Assert.That(received.Event, Is.EqualTo("issue.new"));
            Assert.That(Guid.TryParse(received.DeliveryId, out _), Is.True);
            Assert.That(IsSignedWith(received, Secret), Is.True, $"signature {received.Signature}");
            Assert.That(IsSignedWith(received, "another secret"), Is.False);
        });
        var payload = JsonNode.Parse(received.Body)!;
        Assert.That(payload.MemberNames(), Is.EqualTo(new[] { "body", "data", "team_id", "title", "type" }));
        Assert.That(payload.Text("team_id"), Is.EqualTo(team.Team.Id.ToString()));
        Assert.That(payload.Text("title"), Is.EqualTo("1 new issue"));
        Assert.That(payload["data"]!["new_issues"]![0]!.Text("project_name"), Is.EqualTo(team.Project.Name));
        var delivery = await SingleDeliveryAsync(team, webhookId, "delivered");
        Assert.That(delivery.Text("id"), Is.EqualTo(received.DeliveryId));
        Assert.That((delivery["attempts"]!.GetValue<int>(), delivery["last_status_code"]!.GetValue<int>()), Is.EqualTo((1, 200)));
        Assert.That(delivery["delivered_at"], Is.Not.Null);
    }

    [Test]
    public async Task Delivery_ReceiverAnswers500Once_IsRetriedAndDelivered()
    {
        _receiver.StatusFor = n => n == 1 ? 500 : 200;
        using var factory = Server(maxAttempts: 3);
        var team = await HttpTeam.CreateAsync(factory);
        var webhookId = await CreateWebhookAsync(team);

        await IngestAndScanAsync(team, "Crash");

        var received = await _receiver.WaitForAsync(2);
        var delivery = await SingleDeliveryAsync(team, webhookId, "delivered");
        Assert.That(received.Select(r => r.AnsweredWith), Is.EqualTo(new[] { 500, 200 }));
        Assert.That(received.Select(r => r.DeliveryId).Distinct().Single(), Is.EqualTo(delivery.Text("id")));
        Assert.That(received[0].Body, Is.EqualTo(received[1].Body), "every attempt sends the same payload");
        Assert.That((delivery["attempts"]!.GetValue<int>(), delivery["last_status_code"]!.GetValue<int>()), Is.EqualTo((2, 200)));
    }

    [Test]
    public async Task Delivery_ReceiverKeepsFailing_IsFailedAfterTheLastAttempt()
    {
        _receiver.StatusFor = _ => 503;
        using var factory = Server(maxAttempts: 3);
        var team = await HttpTeam.CreateAsync(factory);
        var webhookId = await CreateWebhookAsync(team);

        await IngestAndScanAsync(team, "Crash");

        var delivery = await SingleDeliveryAsync(team, webhookId, "failed");
        Assert.That((delivery["attempts"]!.GetValue<int>(), delivery["last_status_code"]!.GetValue<int>()), Is.EqualTo((3, 503)));
        Assert.That(delivery["delivered_at"], Is.Null);
        await Task.Delay(300);
        Assert.That(_receiver.Received, Has.Count.EqualTo(3), "no attempt after the last");
    }

    [Test]
    public async Task Delivery_HostRestartsDuringBackoff_ResumesWithoutDuplicateOrLoss()
    {
        using var data = new TempFolder(create: false);
        _receiver.StatusFor = n => n == 1 ? 500 : 200;
        HttpTeam team;
        string webhookId;
        using (var first = Server(maxAttempts: 4, retryDelay: "00:01:00", dataDirectory: data.Path))
        {
            team = await HttpTeam.CreateAsync(first);
            webhookId = await CreateWebhookAsync(team);
            await IngestAndScanAsync(team, "Crash");
            await _receiver.WaitForAsync(1);
            await SingleDeliveryAsync(team, webhookId, "pending", attempts: 1);
        }

        using var second = Server(maxAttempts: 4, retryDelay: "00:01:00", dataDirectory: data.Path);
        _ = second.Server;
        var resumed = HttpTeam.Reattach(second, team);

        var received = await _receiver.WaitForAsync(2);
        var delivery = await SingleDeliveryAsync(resumed, webhookId, "delivered");
        await Task.Delay(300);
        Assert.That(_receiver.Received.Select(r => r.AnsweredWith), Is.EqualTo(new[] { 500, 200 }), "one failed attempt, then one delivery");
        Assert.That(received.Select(r => r.DeliveryId).Distinct().Single(), Is.EqualTo(delivery.Text("id")));
        Assert.That(delivery["attempts"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Delivery_AnotherWebhookWaitsForItsRetry_DoesNotHoldBackThisOne()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        failing.StatusFor = _ => 503;
        using var factory = Server(maxAttempts: 3, retryDelay: "00:01:00", settings: new() { ["Webhooks:MaxConcurrentDeliveries"] = "1" });
        var team = await HttpTeam.CreateAsync(factory);
        await CreateWebhookAsync(team, url: failing.Url);
        await IngestAndScanAsync(team, "Crash");
        await failing.WaitForAsync(1);

        // The failing webhook's delivery now waits a minute for its retry; the server sends one attempt at a time.
        var webhookId = await CreateWebhookAsync(team);
        await IngestAndScanAsync(team, "Another crash");

        await SingleDeliveryAsync(team, webhookId, "delivered");
        Assert.That(failing.Received.Select(r => r.DeliveryId), Is.Unique, "a failing delivery was retried before its backoff ended");
    }

    [Test]
    public async Task Digest_DueOnTheFakeClock_IsPostedToDigestSubscribersOnly()
    {
        using var factory = Server(maxAttempts: 3, settings: new() { ["Digest:Enabled"] = "true" });
        var team = await HttpTeam.CreateAsync(factory);
        await CreateWebhookAsync(team, events: ["issue.digest"]);
        await team.SeedIssueAsync("Seeded crash", o => o.Occurrences = 2);

        await Task.Delay(100);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var received = (await _receiver.WaitForAsync(1)).Single();
        var payload = JsonNode.Parse(received.Body)!;
        Assert.That(received.Event, Is.EqualTo("issue.digest"));
        Assert.That(payload["data"]!.Text("project_id"), Is.EqualTo(team.Project.Id.ToString()));
        Assert.That(payload["data"]!["issues"]![0]!["occurrence_count"]!.GetValue<int>(), Is.EqualTo(2));
    }

    /// <summary>Verified here from the header alone: HMAC-SHA256 over "&lt;t&gt;.&lt;body&gt;", hex.</summary>
    private static bool IsSignedWith(ReceivedWebhook received, string secret)
    {
        var parts = received.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var mac = new HMACSHA256(Encoding.UTF8.GetBytes(secret)).ComputeHash(Encoding.UTF8.GetBytes(parts["t"] + "." + received.Body));
        return long.TryParse(parts["t"], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && string.Equals(parts["v1"], Convert.ToHexString(mac), StringComparison.OrdinalIgnoreCase);
    }

    private static OwlmetryServerFactory Server(
        int maxAttempts, string retryDelay = "00:00:00.100", string? dataDirectory = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Webhooks:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Webhooks:FirstRetryDelay"] = retryDelay,
            ["Webhooks:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new OwlmetryServerFactory(dataDirectory, all);
    }

    private async Task<string> CreateWebhookAsync(HttpTeam team, string[]? events = null, string? url = null)
    {
        var created = await team.ApiClientWith(team.Token(TeamRole.Owner)).CreateWebhookAsync(
            team.Team.Id, new CreateWebhookRequest(url ?? _receiver.Url, Secret, events));
        return created.Webhook.Id.ToString();
    }

    private static async Task IngestAndScanAsync(HttpTeam team, string message)
    {
        await team.ApiClientWith(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).IngestErrorsAsync(message);
        await team.ApiClientWith(team.Token(TeamRole.Owner)).TriggerScanAsync(team.Team.Id);
    }

    /// <summary>Polls the deliveries endpoint until the webhook's single delivery reaches <paramref name="status"/>.</summary>
    private static async Task<JsonNode> SingleDeliveryAsync(HttpTeam team, string webhookId, string status, int? attempts = null)
    {
        using var member = team.ClientWith(team.Token(TeamRole.Member));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray deliveries;
        do
        {
            deliveries = (await (await member.GetAsync($"/v1/teams/{team.Team.Id}/webhooks/{webhookId}/deliveries")).JsonAsync())["deliveries"]!.AsArray();
            if (deliveries.Count == 1 && deliveries[0]!.Text("status") == status && (attempts is null || deliveries[0]!["attempts"]!.GetValue<int>() == attempts))
            {
                var delivery = deliveries[0]!;
                Assert.That(delivery.MemberNames(), Is.EqualTo(new[] { "attempts", "created_at", "delivered_at", "id", "last_status_code", "status", "type" }));
                return delivery;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"no single {status} delivery within 10 s: {deliveries.ToJsonString()}");
        return null!;
    }
}
