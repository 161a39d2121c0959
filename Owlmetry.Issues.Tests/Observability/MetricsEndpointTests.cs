using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Observability;

/// <summary>The Prometheus endpoint of the server as it ships (LiteDB in a data directory), scraped without credentials.</summary>
public sealed class MetricsEndpointTests
{
    private const string Message = "Connection refused";

    private TempFolder _data = null!;
    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task SetUp()
    {
        _data = new TempFolder(create: false);
        _receiver = await WebhookReceiver.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _receiver.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task Scrape_AfterIngestScansARegressionAndWebhooks_ReportsEveryInstrument()
    {
        using var factory = new OwlmetryServerFactory(_data.Path, new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" });
        var team = await HttpTeam.CreateAsync(factory);
        using var sdk = team.ClientWith(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        using var owner = team.ClientWith(team.Token(TeamRole.Owner));
        using var scraper = factory.CreateClient();
        var created = await owner.PostAsJsonAsync($"/v1/teams/{team.Team.Id}/webhooks", new { url = _receiver.Url });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var retried = Guid.NewGuid();

        await IngestAsync(sdk, Error("1.0.0", retried), Error("1.0.0", retried), new { message = "", level = "error", session_id = Guid.NewGuid() });
        factory.Clock.Advance(TimeSpan.FromSeconds(60));
        var beforeScan = await PrometheusScrape.GetAsync(scraper);
        await ScanAsync(owner, team);
        var issueId = (await (await owner.GetAsync($"/v1/projects/{team.Project.Id}/issues")).JsonAsync())["issues"]![0]!.Text("id");
        var resolved = await owner.PatchAsJsonAsync($"/v1/projects/{team.Project.Id}/issues/{issueId}", new { status = "resolved", resolved_at_version = "1.0.0" });
        Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await IngestAsync(sdk, Error("1.1.0", Guid.NewGuid()));
        await ScanAsync(owner, team);
        await _receiver.WaitForAsync(2);
        var scrape = await ScrapeWhenAsync(scraper, s => s.Sum("owlmetry_webhook_deliveries_total", ("outcome", "delivered")) == 2);

        Assert.Multiple(() =>
        {
            Assert.That(beforeScan.Sum("owlmetry_scan_lag_seconds"), Is.EqualTo(60), "the unscanned event's age on the fake clock");
            Assert.That(scrape.Sum("owlmetry_scan_lag_seconds"), Is.Zero, "nothing left to scan");
            Assert.That(scrape.Sum("owlmetry_ingest_events_accepted_total"), Is.EqualTo(2));
            Assert.That(scrape.Sum("owlmetry_ingest_events_refused_total", ("reason", "invalid")), Is.EqualTo(1));
            Assert.That(scrape.Sum("owlmetry_ingest_events_refused_total", ("reason", "duplicate")), Is.EqualTo(1));
            Assert.That(scrape.Sum("owlmetry_ingest_duration_seconds_count"), Is.EqualTo(2));
            Assert.That(scrape.Sum("owlmetry_ingest_duration_seconds_bucket", ("le", "+Inf")), Is.EqualTo(2));
            Assert.That(scrape.Sum("owlmetry_scan_duration_seconds_count"), Is.EqualTo(2));
            Assert.That(scrape.Sum("owlmetry_scan_events_total"), Is.EqualTo(2));
            Assert.That(scrape.Sum("owlmetry_issues_created_total"), Is.EqualTo(1));
            Assert.That(scrape.Sum("owlmetry_issues_regressed_total"), Is.EqualTo(1));
            Assert.That(scrape.Sum("owlmetry_store_unit_duration_seconds_count", ("unit", "read")), Is.GreaterThan(0));
            Assert.That(scrape.Sum("owlmetry_store_unit_duration_seconds_count", ("unit", "write")), Is.GreaterThanOrEqualTo(4), "two ingests and two scan batches at least");
            Assert.That(
                scrape.Sum("http_server_request_duration_seconds_count", ("http_route", "/v1/ingest"), ("http_response_status_code", "200")), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Metrics_Disabled_EndpointIsNotFound()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Metrics_OtherPath_IsServedThereOnly()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Metrics:Path"] = "/internal/metrics" });
        using var client = factory.CreateClient();

        var scrape = await PrometheusScrape.GetAsync(client, "/internal/metrics");
        var standard = await client.GetAsync("/metrics");

        Assert.That(scrape.Sum("owlmetry_scan_lag_seconds"), Is.Zero);
        Assert.That(standard.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Metrics_RestrictedToAnotherPort_IsNotFoundOnTheApiPort()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Metrics:Port"] = "9464" });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static object Error(string appVersion, Guid clientEventId) =>
        new { message = Message, level = "error", session_id = Guid.NewGuid(), app_version = appVersion, client_event_id = clientEventId };

    private static async Task IngestAsync(HttpClient sdk, params object[] events)
    {
        var response = await sdk.PostAsJsonAsync("/v1/ingest", new { events });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task ScanAsync(HttpClient owner, HttpTeam team)
    {
        var response = await owner.PostAsJsonAsync($"/v1/teams/{team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    /// <summary>Webhook deliveries settle in the background after the receiver answered: scrape until the count is there.</summary>
    private static async Task<PrometheusScrape> ScrapeWhenAsync(HttpClient scraper, Func<PrometheusScrape, bool> settled)
    {
        PrometheusScrape scrape = null!;
        await Poll.UntilAsync(
            async () =>
            {
                scrape = await PrometheusScrape.GetAsync(scraper);
                return scrape.Text.Contains("owlmetry_webhook_deliveries_total", StringComparison.Ordinal) && settled(scrape);
            },
            TimeSpan.FromSeconds(10),
            "both webhook deliveries counted as delivered");
        return scrape;
    }
}
