using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Tests.Mcp;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Observability;

/// <summary>The log levels of the shipped appsettings.json, read by the server as the tests start it.</summary>
public sealed class ServerLoggingTests
{
    private const string HttpLoggingCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    private TempFolder _data = null!;

    [SetUp]
    public void SetUp() => _data = new TempFolder(create: false);

    [TearDown]
    public void TearDown() => _data.Dispose();

    [Test]
    public async Task Requests_ShippedSettings_LogAtMostOneInformationLineEach_AndTheStartNamesTheDataDirectory()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new OwlmetryServerFactory(_data.Path) { Logs = logs };
        var team = await HttpTeam.CreateAsync(factory);
        var started = logs.Logs.Count;

        var requests = await SendRequestsAsync(team);

        var start = logs.Logs.Take(started).Single(l => l.Category.EndsWith(".StartupLog", StringComparison.Ordinal));
        var perRequest = logs.Logs.Skip(started).Where(l => l.Level == LogLevel.Information).ToList();
        Assert.That(start.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(start.State["DataDirectory"], Is.EqualTo(Path.GetFullPath(_data.Path)));
        Assert.That(start.State, Contains.Key("Version").And.ContainKey("Addresses"));
        Assert.That(perRequest, Has.Count.LessThanOrEqualTo(requests), string.Join("\n", perRequest.Select(l => $"{l.Category}: {l.Message}")));
    }

    [Test]
    public void Start_OnLiteDb_TheStartLineNamesTheStorageAndItsFile()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new OwlmetryServerFactory(_data.Path) { Logs = logs };

        factory.CreateClient().Dispose();

        var start = logs.Logs.Single(l => l.Category.EndsWith(".StartupLog", StringComparison.Ordinal));
        Assert.That(start.Message, Does.Contain($" started; storage LiteDB {Path.Combine(Path.GetFullPath(_data.Path), OwlmetryServer.DatabaseFileName)}; data directory "));
    }

    [Test]
    public async Task Requests_NoAppSettingsFileAnywhere_LogNothingPerRequest()
    {
        // A server installed as the README says: the binary copied alone, run from a folder of its own.
        var logs = new CapturingLoggerProvider();
        using var factory = new OwlmetryServerFactory { Logs = logs, WithoutSettingsFiles = true };
        var team = await HttpTeam.CreateAsync(factory);
        var started = logs.Logs.Count;

        await SendRequestsAsync(team);

        var perRequest = logs.Logs.Skip(started).Where(l => l.Level == LogLevel.Information).Select(l => $"{l.Category}: {l.Message}");
        Assert.That(perRequest, Is.Empty, "logged per request without an appsettings.json");
    }

    [Test]
    public async Task Requests_HttpLoggingAtInformation_LogOneCombinedLineEach_WithoutCredentials()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Information" };
        using var factory = new OwlmetryServerFactory(settings) { Logs = logs };
        var team = await HttpTeam.CreateAsync(factory);
        var started = logs.Logs.Count;

        var requests = await SendRequestsAsync(team);

        var lines = logs.Logs.Skip(started).Where(l => l.Level == LogLevel.Information).ToList();
        Assert.That(lines, Has.Count.EqualTo(requests));
        Assert.That(lines.Select(l => l.Category), Is.All.EqualTo(HttpLoggingCategory));
        Assert.That(lines[0].Message, Does.Contain("Method: GET").And.Contain("Path: /health").And.Contain("StatusCode: 200").And.Contain("Duration"));
        Assert.That(lines.Select(l => l.Message), Has.None.Contain("owl_client_").And.None.Contain("Bearer"));
    }

    [Test]
    public async Task Scan_ScannerAtDebug_SummarizesThePassThatFoundEvents()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Owlmetry.Issues.Scanning.IssueScanner"] = "Debug" };
        using var factory = new OwlmetryServerFactory(settings) { Logs = logs };
        var team = await HttpTeam.CreateAsync(factory);
        await SendRequestsAsync(team);
        using var owner = team.ClientWith(team.Token(TeamRole.Owner));

        await owner.PostAsJsonAsync($"/v1/teams/{team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" });
        await owner.PostAsJsonAsync($"/v1/teams/{team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" });

        var summary = logs.Logs.Single(l => l.Category == "Owlmetry.Issues.Scanning.IssueScanner");
        Assert.That(summary.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That((summary.State["EventsScanned"], summary.State["IssuesCreated"], summary.State["IssuesRegressed"]), Is.EqualTo((1, 1, 0)));
        Assert.That(summary.State, Contains.Key("DurationMs"));
    }

    [Test]
    public async Task ConsoleSession_GarbageAntiforgeryCookie_IsAnsweredWithoutAnErrorInTheLog()
    {
        // A stale or forged cookie is the browser's, not the server's fault (a restored server's key ring cannot read
        // the old ones either); the framework logs its failed read at Error.
        var logs = new CapturingLoggerProvider();
        using var factory = new OwlmetryServerFactory(_data.Path) { Logs = logs };
        using var browser = factory.CreateClient();
        var started = logs.Logs.Count;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/session");
        request.Headers.Add("Cookie", "owlmetry_antiforgery=not-a-token");

        using var response = await browser.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "a fresh token replaces the garbage one");
        var errors = logs.Logs.Skip(started).Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message}");
        Assert.That(errors, Is.Empty, "with the shipped appsettings.json");
    }

    /// <returns>How many requests were sent: a probe, an ingest, a listing, a refusal for lack of credentials, an unknown route, an MCP tool list.</returns>
    private static async Task<int> SendRequestsAsync(HttpTeam team)
    {
        using var anonymous = team.ClientWith(null);
        using var sdk = team.ClientWith(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        using var owner = team.ClientWith(team.Token(TeamRole.Owner));
        await anonymous.GetAsync("/health");
        await sdk.PostAsJsonAsync("/v1/ingest", new { events = new[] { new { message = "Crash", level = "error", session_id = Guid.NewGuid() } } });
        await owner.GetAsync($"/v1/projects/{team.Project.Id}/issues");
        await anonymous.GetAsync($"/v1/projects/{team.Project.Id}/issues");
        await anonymous.GetAsync("/v1/nothing-here");
        using var mcp = McpClients.Post(JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }));
        (await owner.SendAsync(mcp)).EnsureSuccessStatusCode();
        return 6;
    }
}
