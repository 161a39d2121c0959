using System.Diagnostics;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// Issue 5's crash test, scan side: 20,000 acknowledged events wait for a triggered scan (the background scan is
/// off), and the server is killed with SIGKILL mid-scan, twice: a few milliseconds into the scan, then just after
/// one of its batches committed. After each kill the file holds exactly the batches that committed, with the scan
/// mark at their end; a last scan after a restart takes exactly the rest.
/// </summary>
[TestFixture]
[Category("Crash")]
public sealed class HostScanCrashTests : HostCrashFixture
{
    private const int Batches = 200;
    private const int Events = Batches * IngestBatch.Size;
    private static readonly TimeSpan s_phaseTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task HostKilledMidScan_RestartedScanTakesExactlyTheRest_EveryEventScannedOnce()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var took = Stopwatch.StartNew();
        var credentials = await HostProcess.InitAsync(Data);
        var batches = IngestBatch.Create(Batches);
        Server = await HostProcess.StartAsync(Data, backgroundScan: false);
        using (var client = Server.Client(credentials.ClientKey))
        {
            var sender = new IngestSender(client);
            await sender.SendAsync(batches, concurrency: 4, CancellationToken.None);
            Assert.That(sender.Problems, Is.Empty, "ingest responses");
            Assert.That(batches.Count(b => b.Acknowledged), Is.EqualTo(Batches), "batches acknowledged");
        }

        TestContext.Out.WriteLine($"{Events} events ingested in {took.Elapsed.TotalSeconds:0.0} s");
        var scanned = 0L;
        for (var kill = 1; kill <= 2; kill++)
        {
            // The first kill lands a few milliseconds into the scan; the second once a batch of it has committed.
            var delay = kill == 1 ? random.Next(5, 50) : random.Next(0, 300);
            var ledger = await ScanUntilKilledAsync(credentials, batches, kill == 1 ? null : scanned, TimeSpan.FromMilliseconds(delay));
            var context = $"after kill {kill}, {delay} ms into the scan{(kill == 1 ? "" : " after its first committed batch")}: "
                + $"scan mark {ledger.Checkpoint} of {Events} events (seed {seed})";
            Assert.That(ledger.Violations, Is.Empty, context);
            Assert.That(ledger.Checkpoint, Is.GreaterThanOrEqualTo(scanned), $"the scan mark went back {context}");
            Assert.That(ledger.Occurrences, Is.EqualTo(ledger.Checkpoint), $"occurrences are not the events up to the scan mark {context}");
            scanned = ledger.Checkpoint;
            TestContext.Out.WriteLine($"kill {kill}: {delay} ms into the scan, {scanned} of {Events} events scanned");
        }

        Assert.That(scanned, Is.LessThan(Events), "the second scan finished before the kill: it would not be mid-scan");
        Server = await HostProcess.StartAsync(Data, backgroundScan: false);
        using (var agent = Server.Client(credentials.AgentKey))
        {
            var api = new HostApi(agent, credentials);
            var interrupted = await api.ListRunsAsync();
            Assert.That(interrupted.Select(r => r["status"]!.GetValue<string>()), Is.EqualTo(new[] { "failed", "failed" }),
                "the two killed scans, after the restart: recorded as failed, not left running forever");
            var run = await api.TriggerScanAsync();
            Assert.That(run["result"]!["events_processed"]!.GetValue<long>(), Is.EqualTo(Events - scanned),
                "the scan after the restart did not take exactly the events the killed scans had not committed");
            Assert.That(await api.SumOccurrenceCountsAsync(), Is.EqualTo(Events), "the issues' occurrence counts");
        }

        Server.Kill();
        var final = await ReadLedgerAsync(credentials, batches);
        Assert.That(final.Violations, Is.Empty, $"in the file after the final scan (seed {seed})");
        Assert.That((final.Checkpoint, final.Occurrences), Is.EqualTo(((long)Events, Events)), "scan mark and occurrences after the final scan");
        TestContext.Out.WriteLine($"{Events} events, each scanned once, in {took.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Triggers a scan and kills the server <paramref name="delay"/> after the run is recorded as running, or, when
    /// <paramref name="committedBeyond"/> is given, after the issues show more occurrences than that.
    /// </summary>
    /// <returns>What the file holds after the kill.</returns>
    private async Task<EventLedger> ScanUntilKilledAsync(InitialCredentials credentials, List<IngestBatch> batches, long? committedBeyond, TimeSpan delay)
    {
        Server ??= await HostProcess.StartAsync(Data, backgroundScan: false);
        using var agent = Server.Client(credentials.AgentKey);
        var api = new HostApi(agent, credentials);
        var before = (await api.ListRunsAsync()).Select(RunId).ToHashSet();
        var trigger = Task.Run(async () =>
        {
            try
            {
                return await api.TriggerScanAsync();
            }
            catch (HttpRequestException)
            {
                return null;
            }
        });

        await Poll.UntilAsync(
            async () => (await api.ListRunsAsync()).Any(r => !before.Contains(RunId(r)) && r["status"]!.GetValue<string>() == "running"),
            s_phaseTimeout, "the triggered scan to be recorded as running");
        if (committedBeyond is { } floor)
        {
            await Poll.UntilAsync(async () => await api.SumOccurrenceCountsAsync() > floor, s_phaseTimeout, "a batch of the scan to commit");
        }

        await Task.Delay(delay);
        Assert.That(trigger.IsCompleted, Is.False, "the scan finished before the kill: it would not be mid-scan");
        Server.Kill();
        Assert.That(await trigger, Is.Null, "the triggered scan answered although the server was killed under it");
        Server.Dispose();
        Server = null;
        return await ReadLedgerAsync(credentials, batches);
    }

    private static string RunId(JsonNode run) => run["id"]!.GetValue<string>();
}
