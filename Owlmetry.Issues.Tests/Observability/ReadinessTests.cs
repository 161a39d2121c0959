using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Observability;

/// <summary><c>/health/ready</c>: the store answers and the scan keeps up, on the fake clock.</summary>
public sealed class ReadinessTests
{
    private static readonly Dictionary<string, string?> s_thirtySecondLimit = new() { ["Health:MaxScanLag"] = "00:00:30" };

    [Test]
    public async Task Ready_FreshServer_Is200WithEveryCheckHealthy()
    {
        using var factory = new OwlmetryServerFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.Text("status"), Is.EqualTo("healthy"));
        Assert.That(body["checks"]!["store"]!.Text("status"), Is.EqualTo("healthy"));
        Assert.That(body["checks"]!["scan"]!.Text("status"), Is.EqualTo("healthy"));
        Assert.That(body["error"], Is.Null);
    }

    [Test]
    public async Task Ready_UnscannedEventOlderThanTheLimit_Is503NamingTheScanUntilScanned()
    {
        using var factory = new OwlmetryServerFactory(s_thirtySecondLimit);
        var team = await HttpTeam.CreateAsync(factory);
        using var sdk = team.ClientWith(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        using var client = factory.CreateClient();
        await sdk.PostAsJsonAsync("/v1/ingest", new { events = new[] { new { message = "Crash", level = "error", session_id = Guid.NewGuid() } } });

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var atTheLimit = await client.GetAsync("/health/ready");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await client.GetAsync("/health/ready");
        await factory.Services.GetRequiredService<IssueScanner>().ScanAsync();
        var scanned = await client.GetAsync("/health/ready");

        var body = await late.JsonAsync();
        Assert.That(atTheLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.Text("error"), Is.EqualTo("Not ready: scan"));
        Assert.That(body["checks"]!["scan"]!.Text("status"), Is.EqualTo("unhealthy"));
        Assert.That(body["checks"]!["scan"]!.Text("description"), Does.Contain("31 s old (limit 30 s)"));
        Assert.That(body["checks"]!["store"]!.Text("status"), Is.EqualTo("healthy"));
        Assert.That(scanned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_StoreClosed_Is503NamingTheStore()
    {
        using var data = new TempFolder(create: false);
        using var factory = new OwlmetryServerFactory(data.Path);
        using var client = factory.CreateClient();
        factory.Services.GetRequiredService<LiteDbIssueStore>().Dispose();

        var response = await client.GetAsync("/health/ready");

        var body = await response.JsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.Text("error"), Does.StartWith("Not ready: store"));
        Assert.That(body["checks"]!["store"]!.Text("status"), Is.EqualTo("unhealthy"));
        Assert.That(body["checks"]!["store"]!.Text("description"), Does.StartWith("The store cannot be read"));
    }

    [Test]
    public async Task Health_StaysThePlainLivenessAnswer()
    {
        using var factory = new OwlmetryServerFactory(s_thirtySecondLimit);
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync("/health");

        Assert.That(body, Is.EqualTo("""{"status":"ok"}"""));
    }
}
