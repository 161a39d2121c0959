using System.Diagnostics;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// Issue 5's crash test, ingest side: the real server binary takes batches from three concurrent clients, with the
/// background scan on, and is killed with SIGKILL mid-stream, twice; clients send again what was not acknowledged
/// (and some of what was). In the end every acknowledged event is scanned exactly once.
/// </summary>
[TestFixture]
[Category("Crash")]
public sealed class HostIngestCrashTests : HostCrashFixture
{
    private const int Batches = 60;
    private const int Kills = 2;
    private const int Senders = 3;
    private static readonly TimeSpan s_phaseTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task HostKilledMidIngest_RestartedAndRetried_EveryAcknowledgedEventIsScannedExactlyOnce()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var credentials = await HostProcess.InitAsync(Data);
        var batches = IngestBatch.Create(Batches);
        var took = Stopwatch.StartNew();

        for (var kill = 1; kill <= Kills; kill++)
        {
            var acknowledgedBefore = batches.Count(b => b.Acknowledged);
            var killAfter = random.Next(5, 16);
            var delay = random.Next(0, 100);
            await IngestUntilKilledAsync(credentials, batches, random, killAfter, TimeSpan.FromMilliseconds(delay));

            var acknowledged = batches.Count(b => b.Acknowledged);
            var ledger = await ReadLedgerAsync(credentials, batches);
            Assert.That(ledger.Violations, Is.Empty,
                $"after kill {kill} of {Kills}, {delay} ms after the {killAfter}th acknowledgement of that run ({acknowledged - acknowledgedBefore} "
                + $"batches acknowledged in that run, {acknowledged} of {Batches} in all; {ledger.StoredEvents} events stored, {ledger.Checkpoint} scanned; seed {seed})");
            TestContext.Out.WriteLine($"kill {kill}: {acknowledged}/{Batches} batches acknowledged; {ledger.StoredEvents} events stored "
                + $"({ledger.StoredEvents - (acknowledged * IngestBatch.Size)} of them never acknowledged), {ledger.Checkpoint} scanned");
        }

        Server = await HostProcess.StartAsync(Data, backgroundScan: true);
        using (var client = Server.Client(credentials.ClientKey))
        using (var agent = Server.Client(credentials.AgentKey))
        {
            var sender = new IngestSender(client);
            await sender.ResendAcknowledgedAsync(Sample(random, batches.Where(b => b.Acknowledged), 3));
            await sender.SendAsync(batches.Where(b => !b.Acknowledged).ToList(), Senders, CancellationToken.None);
            Assert.That(sender.Problems, Is.Empty, "responses after the last restart");
            Assert.That(batches.Where(b => !b.Acknowledged).Select(b => b.Index), Is.Empty, "batches still not acknowledged after the last restart");

            var api = new HostApi(agent, credentials);
            await api.TriggerScanAsync();
            var issues = await api.ListIssuesAsync();
            Assert.That(issues.Sum(i => i["occurrence_count"]!.GetValue<int>()), Is.EqualTo(Batches * IngestBatch.Size),
                "the issues' occurrence counts do not add up to the acknowledged events, each in its own session");
            Assert.That(issues, Has.Count.EqualTo(IngestBatch.MessageCount), "one issue per message");
        }

        Server.Kill();
        var final = await ReadLedgerAsync(credentials, batches);
        Assert.That(final.Violations, Is.Empty, $"in the file after the final scan (seed {seed})");
        Assert.That((final.StoredEvents, final.Checkpoint, final.Occurrences), Is.EqualTo((Batches * IngestBatch.Size, (long)Batches * IngestBatch.Size, Batches * IngestBatch.Size)),
            "stored events, scan mark and occurrences after the final scan");
        TestContext.Out.WriteLine($"{Batches * IngestBatch.Size} events, each scanned once, in {took.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Starts the server, re-sends a few acknowledged batches, streams the others from three clients and kills the
    /// server <paramref name="delay"/> after the <paramref name="killAfter"/>th acknowledgement, requests in flight.
    /// </summary>
    private async Task IngestUntilKilledAsync(InitialCredentials credentials, List<IngestBatch> batches, Random random, int killAfter, TimeSpan delay)
    {
        Server = await HostProcess.StartAsync(Data, backgroundScan: true);
        using var client = Server.Client(credentials.ClientKey);
        var sender = new IngestSender(client);
        await sender.ResendAcknowledgedAsync(Sample(random, batches.Where(b => b.Acknowledged), 3));
        using var stop = new CancellationTokenSource();
        var pending = batches.Where(b => !b.Acknowledged).ToList();
        var sending = sender.SendAsync(pending, Senders, stop.Token);

        await Poll.UntilAsync(() => sender.Acknowledged >= killAfter || sending.IsCompleted, s_phaseTimeout, $"{killAfter} acknowledged batches");
        await Task.Delay(delay);
        Assert.That(sending.IsCompleted, Is.False, $"all {pending.Count} batches were sent before the kill: it would not be mid-ingest");
        Server.Kill();
        await stop.CancelAsync();
        await sending;

        Assert.That(sender.Problems, Is.Empty, "responses before the kill");
        Server.Dispose();
        Server = null;
    }

    private static List<IngestBatch> Sample(Random random, IEnumerable<IngestBatch> batches, int count) =>
        batches.OrderBy(_ => random.Next()).Take(count).ToList();
}
