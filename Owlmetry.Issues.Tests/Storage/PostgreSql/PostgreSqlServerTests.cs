using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// The server chosen onto PostgreSQL by configuration alone, and two servers sharing one database: the first start
/// bootstraps once, either server serves what the other stored and accepts the other's user tokens (the signing
/// secret is shared through the database, not configured), and a notification's webhook is sent once.
/// </summary>
[TestFixture]
public sealed class PostgreSqlServerTests : SchemaPerTest
{
    private TempFolder _firstData = null!;
    private TempFolder _secondData = null!;
    private TempFolder _sharedAttachments = null!;

    [SetUp]
    public void CreateDataDirectories()
    {
        _firstData = new TempFolder(create: false);
        _secondData = new TempFolder(create: false);
        _sharedAttachments = new TempFolder();
    }

    [TearDown]
    public void DeleteDataDirectories()
    {
        _firstData.Dispose();
        _secondData.Dispose();
        _sharedAttachments.Dispose();
    }

    [Test]
    public async Task TwoServersOnOneDatabase_ShareTheDirectoryTheIssuesAndUserTokens()
    {
        using var first = Server(_firstData);
        first.CreateClient().Dispose();
        var credentials = InitialCredentials.FromJson(await File.ReadAllTextAsync(Path.Combine(_firstData.Path, "initial-credentials.json")))!;
        using var second = Server(_secondData);
        second.CreateClient().Dispose();

        using var firstClient = first.CreateClient();
        var login = await firstClient.PostAsJsonAsync("/v1/auth/login", new { email = credentials.UserEmail, password = credentials.UserPassword });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        var token = (await login.JsonAsync()).Text("token");

        using var device = second.CreateClient();
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ClientKey);
        var ingest = await device.PostAsJsonAsync(
            "/v1/ingest",
            new { events = new[] { new { message = "Connection refused", level = "error", session_id = Guid.NewGuid(), environment = "backend" } } });
        Assert.That(ingest.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ingest.Content.ReadAsStringAsync());

        firstClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var scan = await firstClient.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/jobs/trigger", new { job_type = "issue_scan" });
        Assert.That(scan.StatusCode, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.OK), await scan.Content.ReadAsStringAsync());

        using var secondClient = second.CreateClient();
        secondClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await Poll.UntilAsync(
            async () => (await (await secondClient.GetAsync($"/v1/projects/{credentials.ProjectId}/issues")).JsonAsync())["issues"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(20),
            "the issue scanned on the first server to be listed by the second");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(Path.Combine(_secondData.Path, "initial-credentials.json")), Is.False, "the second server bootstrapped a directory the first had seeded");
            Assert.That(File.Exists(Path.Combine(_firstData.Path, OwlmetryServer.DatabaseFileName)), Is.False, "a server on PostgreSQL wrote a LiteDB file");
            Assert.That(File.Exists(Path.Combine(_secondData.Path, OwlmetryServer.DatabaseFileName)), Is.False, "a server on PostgreSQL wrote a LiteDB file");
            Assert.That(File.Exists(Path.Combine(_firstData.Path, "jwt-secret")), Is.False, "the token secret was kept in a file, not shared through the database");
        }
    }

    [Test]
    public void FirstStart_TheBootstrapAndTheStartLineNameTheDatabaseAndSchema_NotThePassword()
    {
        var logs = new CapturingLoggerProvider();
        var connection = $"{PostgreSqlTestServer.ConnectionString};Password=never-logged";
        var target = new NpgsqlConnectionStringBuilder(connection);
        var database = $"schema {Schema} of Host={target.Host};Port={target.Port};Database={target.Database};Username={target.Username}";
        using var server = Server(_firstData, new Dictionary<string, string?> { ["ConnectionStrings:Owlmetry"] = connection }, logs);

        server.CreateClient().Dispose();

        var start = logs.Logs.Single(l => l.Category.EndsWith(".StartupLog", StringComparison.Ordinal));
        var bootstrap = logs.Logs.Single(l => l.Category.EndsWith(".BootstrapHostedService", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(start.Message, Does.Contain($" started; storage PostgreSQL {database}; data directory "));
            Assert.That(bootstrap.Message, Does.StartWith($"Empty PostgreSQL {database}: created a team, the owner admin@localhost"));
            Assert.That(logs.Logs.Select(l => l.Message), Has.None.Contain("never-logged"), "a log line showed the database password");
        }
    }

    [Test]
    public void TheServersStore_BehindItsMetrics_KeepsThePostgreSqlStoresScanTraits()
    {
        using var server = Server(_firstData);

        var store = server.IssueStore;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store, Is.InstanceOf<MeasuredIssueStore>(), "the server times its store's units through a decorator");
            Assert.That(store.ReadsBesideWrites, Is.True, "the decorator hid the snapshot reads the scan's read ahead needs");
            Assert.That(store.PreferredScanBatchSize, Is.EqualTo(10_000), "the decorator hid the store's scan unit size");
        }
    }

    [Test]
    public async Task TwoServersOnOneDatabase_AcceptEachOthersAntiforgeryTokens()
    {
        using var first = Server(_firstData);
        first.CreateClient().Dispose();
        var credentials = InitialCredentials.FromJson(await File.ReadAllTextAsync(Path.Combine(_firstData.Path, "initial-credentials.json")))!;
        using var second = Server(_secondData);
        using var browser = await ConsoleBrowserSession.OpenAsync(first);
        var login = await browser.LoginAsync(credentials.UserEmail, credentials.UserPassword);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());

        using var onTheSecond = browser.MoveTo(second);
        var team = await onTheSecond.SendAsync(HttpMethod.Post, "/v1/teams", new { name = "Made on the second", slug = "made-on-the-second" });

        Assert.That(team.StatusCode, Is.EqualTo(HttpStatusCode.Created), await team.Content.ReadAsStringAsync());
        Assert.That(Directory.Exists(Path.Combine(_firstData.Path, "data-protection-keys")), Is.False, "a server on PostgreSQL kept its keys in a file");
        // Where the key is matters: ASP.NET Core's default folder in the home directory is shared by these two servers too.
        Assert.That(await CountRowsAsync("host_data_protection_keys"), Is.GreaterThan(0), "the key is not in the database");
    }

    [Test]
    public async Task TwoServersOnOneDatabase_ServeEachOthersUploads()
    {
        using var first = Server(_firstData);
        first.CreateClient().Dispose();
        var credentials = InitialCredentials.FromJson(await File.ReadAllTextAsync(Path.Combine(_firstData.Path, "initial-credentials.json")))!;
        using var second = Server(_secondData);
        var attachmentId = await first.CreateApiClient(credentials.ClientKey).AddAttachmentAsync("stack trace of the crash");

        using var agent = second.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AgentKey);
        var download = await agent.GetAsync(await second.CreateApiClient(credentials.AgentKey).GetDownloadUrlAsync(attachmentId));

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the second server did not serve the first server's upload");
        Assert.That(await download.Content.ReadAsStringAsync(), Is.EqualTo("stack trace of the crash"));
    }

    [Test]
    public async Task TwoServersOnOneDatabase_SendEachWebhookDeliveryOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The first send stays unsettled for a second, while both servers keep listing pending deliveries.
        receiver.AnswerDelay = TimeSpan.FromSeconds(1);
        var polling = new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:MaxAttempts"] = "1",
        };
        using var first = Server(_firstData, polling);
        first.CreateClient().Dispose();
        var credentials = InitialCredentials.FromJson(await File.ReadAllTextAsync(Path.Combine(_firstData.Path, "initial-credentials.json")))!;
        using var second = Server(_secondData, polling);
        second.CreateClient().Dispose();
        using var owner = first.CreateClient();
        var login = await owner.PostAsJsonAsync("/v1/auth/login", new { email = credentials.UserEmail, password = credentials.UserPassword });
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).Text("token"));
        var webhook = await owner.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/webhooks", new { url = receiver.Url, secret = "webhook-secret-0123456789" });
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.Created), await webhook.Content.ReadAsStringAsync());

        using var device = second.CreateClient();
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ClientKey);
        await device.PostAsJsonAsync("/v1/ingest", new { events = new[] { new { message = "Connection refused", level = "error", session_id = Guid.NewGuid() } } });
        await owner.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/jobs/trigger", new { job_type = "issue_scan" });

        await receiver.WaitForAsync(1, seconds: 20);
        // The servers list pending deliveries every 100 ms of their fake clocks, moved here on the real one: the other
        // server sees the delivery pending while the first send is unanswered, and would send it too.
        for (var step = 0; step < 20; step++)
        {
            first.Clock.Advance(TimeSpan.FromMilliseconds(100));
            second.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(100);
        }

        Assert.That(receiver.Received.Select(r => r.DeliveryId).ToList(), Has.Count.EqualTo(1), "two servers sent the same notification's webhook, or one sent it twice");
    }

    private async Task<long> CountRowsAsync(string table)
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand($"SELECT count(*) FROM {Schema}.{table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A server on the test's schema; <paramref name="settings"/> add to its PostgreSQL settings or replace them.</summary>
    private OwlmetryServerFactory Server(TempFolder data, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgresql",
            ["ConnectionStrings:Owlmetry"] = PostgreSqlTestServer.ConnectionString,
            ["Storage:Schema"] = Schema,
            ["Attachments:Path"] = _sharedAttachments.Path,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new OwlmetryServerFactory(data.Path, all) { Logs = logs };
    }
}
