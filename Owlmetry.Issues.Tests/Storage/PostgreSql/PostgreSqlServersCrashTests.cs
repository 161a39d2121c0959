using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Crash;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// Several servers, one database (issue 15): three server processes on one PostgreSQL schema, set up by <c>init</c>,
/// take ingest spread over all of them while their background scans run, and the server holding the scan lease is
/// killed with SIGKILL mid-scan. Another server takes the scan over within a scan interval; the batches the dead
/// server did not acknowledge are sent again to the others; every acknowledged event ends up in exactly one
/// occurrence, the issues' counts equal their occurrences, and each notification (the new issues before the kill,
/// their regressions after it) reaches the test webhook exactly once.
/// </summary>
[TestFixture]
[Category("Crash")]
public sealed class PostgreSqlServersCrashTests : SchemaPerTest
{
    private const int ServerCount = 3;
    private const int Batches = 150;
    private static readonly TimeSpan s_scanInterval = TimeSpan.FromSeconds(1);

    // The scan interval is the promise; the slack absorbs a two-core CI machine running three servers and PostgreSQL.
    private static readonly TimeSpan s_takeoverBound = s_scanInterval + TimeSpan.FromSeconds(4);
    private static readonly TimeSpan s_phaseTimeout = TimeSpan.FromSeconds(90);

    private readonly List<HostProcess> _servers = [];
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void StopServers()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        _servers.Clear();
        _folder.Dispose();
    }

    [Test]
    public async Task ThreeServers_ScanLeaseHolderKilledMidScan_AnotherTakesOver_EveryEventOnce_EachNotificationOnce()
    {
        var took = Stopwatch.StartNew();
        await using var receiver = await WebhookReceiver.StartAsync();
        var credentials = await HostProcess.InitAsync(DataOf(0), new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "postgresql",
            ["Storage__Schema"] = Schema,
            ["ConnectionStrings__Owlmetry"] = PostgreSqlTestServer.ConnectionString,
        });
        for (var i = 0; i < ServerCount; i++)
        {
            _servers.Add(await HostProcess.StartAsync(DataOf(i), backgroundScan: true, Settings(i)));
        }

        await SubscribeAsync(_servers[0], credentials, receiver.Url);
        var batches = IngestBatch.Create(Batches);
        var ingest = Task.WhenAll(_servers.Select((server, i) =>
            new IngestSender(server.Client(credentials.ClientKey)).SendAsync(batches.Where(b => b.Index % ServerCount == i), concurrency: 2, CancellationToken.None)));

        using var store = Store();
        var (victim, unscannedAtKill) = await KillScanLeaseHolderAsync(store);
        var killedAt = Stopwatch.StartNew();
        TestContext.Out.WriteLine($"{Name(victim)} killed holding the scan lease, {unscannedAtKill} stored events not yet scanned");
        Assert.That(unscannedAtKill, Is.Positive, "the scan lease holder was killed with nothing left to scan: not mid-scan");

        var survivors = _servers.Where((_, i) => i != victim).ToList();
        var takenBy = await PollLeaseHolderAsync(holder => holder is { } index && index != victim, "a surviving server to take the scan lease");
        var takeover = killedAt.Elapsed;
        TestContext.Out.WriteLine($"{Name(takenBy!.Value)} took the scan over {takeover.TotalMilliseconds:0} ms after the kill");
        Assert.That(takeover, Is.LessThan(s_takeoverBound), "no surviving server took the scan over within a scan interval");

        await ingest;
        await new IngestSender(survivors[0].Client(credentials.ClientKey)).SendAsync(batches.Where(b => !b.Acknowledged), concurrency: 2, CancellationToken.None);
        Assert.That(batches.Where(b => !b.Acknowledged).Select(b => b.Index), Is.Empty, "batches the survivors did not acknowledge");

        // After the kill, the survivors resolve every issue and a newer release brings them back: more notifications.
        await WaitUntilScannedAsync(store);
        await ResolveAllAsync(survivors[1], credentials, "1.0.0");
        var newer = IngestBatch.Create(1, firstIndex: Batches, appVersion: "1.0.1");
        await new IngestSender(survivors[1].Client(credentials.ClientKey)).SendAsync(newer, concurrency: 1, CancellationToken.None);
        Assert.That(newer[0].Acknowledged, Is.True, "the newer release's batch was not acknowledged");
        await WaitUntilScannedAsync(store);
        await WaitUntilDeliveredAsync();

        var ledger = await EventLedger.ReadAsync(store, credentials.ProjectId, credentials.AppId, [.. batches, .. newer]);
        Assert.That(ledger.Violations, Is.Empty, "the store after the kill, the takeover and the resent batches");
        Assert.That(
            (ledger.StoredEvents, ledger.Occurrences),
            Is.EqualTo(((Batches + 1) * IngestBatch.Size, (Batches + 1) * IngestBatch.Size)),
            "stored events and occurrences: every acknowledged event once, each an occurrence of its own session");
        var notifications = await NotificationIdsAsync();
        var received = receiver.Received.GroupBy(r => r.DeliveryId).ToDictionary(g => g.Key, g => g.Count());
        var deliveries = await DeliveryIdsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(notifications, Has.Count.GreaterThanOrEqualTo(2), "notifications: the new issues, then their regressions");
            Assert.That(deliveries.Values.Order(), Is.EqualTo(notifications.Order()), "each notification handed to the one webhook once");
            Assert.That(received.Where(r => r.Value > 1).Select(r => $"{r.Key} x{r.Value}"), Is.Empty, "deliveries sent more than once");
            Assert.That(received.Keys.Order(), Is.EqualTo(deliveries.Keys.Select(id => id.ToString()).Order()), "the deliveries the webhook received");
        }

        TestContext.Out.WriteLine($"{ledger.StoredEvents} events, {notifications.Count} notifications, in {took.Elapsed.TotalSeconds:0.0} s");
    }

    private string DataOf(int server) => _folder.File($"server-{server}");

    private static string Name(int server) => $"owlmetry-server-{server}";

    private Dictionary<string, string> Settings(int server) => new()
    {
        ["Storage:Provider"] = "postgresql",
        ["Storage:Schema"] = Schema,
        // The application name tells the test which server's session holds a lock.
        ["ConnectionStrings:Owlmetry"] = $"{PostgreSqlTestServer.ConnectionString};Application Name={Name(server)}",
        ["Attachments:Path"] = _folder.File("attachments"),
        ["Scan:Interval"] = s_scanInterval.ToString(),
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.200",
        ["Digest:Enabled"] = "false",
    };

    private static async Task SubscribeAsync(HostProcess server, InitialCredentials credentials, string url)
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        using var login = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = credentials.UserEmail, password = credentials.UserPassword });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        using var owner = server.Client((await login.JsonAsync()).Text("token"));
        using var webhook = await owner.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/webhooks", new { url, secret = "webhook-secret-0123456789" });
        Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.Created), await webhook.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until a server holds the scan lease with stored events not yet scanned, and kills it at once.</summary>
    /// <returns>The killed server, and how many stored events were above the scan mark just after the kill.</returns>
    private async Task<(int Server, long Unscanned)> KillScanLeaseHolderAsync(IIssueStore store)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await LeaseHolderAsync() is { } holder && await UnscannedAsync(store) > 0)
            {
                _servers[holder].Kill();
                return (holder, await UnscannedAsync(store));
            }

            if (waited.Elapsed > s_phaseTimeout)
            {
                Assert.Fail($"No server held the scan lease with events left to scan within {s_phaseTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(5);
        }
    }

    private async Task<int?> PollLeaseHolderAsync(Func<int?, bool> until, string what)
    {
        int? holder = null;
        await Poll.UntilAsync(async () => until(holder = await LeaseHolderAsync()), s_phaseTimeout, what);
        return holder;
    }

    /// <summary>The server whose session holds the scan lease (a session advisory lock on the lease's key), or null.</summary>
    private async Task<int?> LeaseHolderAsync()
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 " +
            "AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"owlmetry.lease.{StoreLeases.Scan}:{Schema}" });
        var name = (string?)await command.ExecuteScalarAsync();
        return name is null ? null : Enumerable.Range(0, ServerCount).Single(i => Name(i) == name);
    }

    private static Task<long> UnscannedAsync(IIssueStore store) =>
        store.ReadAsync(async r => await r.GetLastEventSequenceAsync() - await r.GetScanCheckpointAsync());

    private static Task WaitUntilScannedAsync(IIssueStore store) =>
        Poll.UntilAsync(async () => await UnscannedAsync(store) == 0, s_phaseTimeout, "the surviving servers to scan every stored event");

    private static async Task ResolveAllAsync(HostProcess server, InitialCredentials credentials, string version)
    {
        using var agent = server.Client(credentials.AgentKey);
        var api = new HostApi(agent, credentials);
        var issues = await api.ListIssuesAsync();
        Assert.That(issues, Has.Count.EqualTo(IngestBatch.MessageCount), "issues: one per message of the batches");
        foreach (var issue in issues)
        {
            using var response = await agent.PatchAsJsonAsync(
                $"/v1/projects/{credentials.ProjectId}/issues/{issue["id"]!.GetValue<string>()}", new { status = "resolved", resolved_at_version = version });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Waits until no notification waits for its dispatch and no delivery for its send.</summary>
    private Task WaitUntilDeliveredAsync() =>
        Poll.UntilAsync(
            async () => await CountAsync("notifications WHERE status = 'Pending'") == 0 && await CountAsync("wh_deliveries WHERE status <> 'Delivered'") == 0,
            s_phaseTimeout,
            "every notification to be dispatched and every webhook delivery delivered");

    private async Task<long> CountAsync(string tableAndCondition)
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand($"SELECT count(*) FROM {Schema}.{tableAndCondition}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<Guid>> NotificationIdsAsync()
    {
        var ids = new List<Guid>();
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand($"SELECT id FROM {Schema}.notifications");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <returns>Each delivery's notification, by delivery id.</returns>
    private async Task<Dictionary<Guid, Guid>> DeliveryIdsAsync()
    {
        var deliveries = new Dictionary<Guid, Guid>();
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand($"SELECT id, notification_id FROM {Schema}.wh_deliveries");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            deliveries.Add(reader.GetGuid(0), reader.GetGuid(1));
        }

        return deliveries;
    }
}
