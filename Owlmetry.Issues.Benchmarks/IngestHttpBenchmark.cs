using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// The server binary on loopback, as a self-hoster runs it: ingest throughput from 4 concurrent clients with
/// batches of 100 (rate limit off), the time from an ingest response to the issue being listed, list and detail
/// latencies, and each server's peak memory over the whole 200,000-event run, ingest and background scan included;
/// then the same ingest again, the servers warm.
/// With PostgreSQL, <paramref name="servers"/> servers may share the database, the clients spread over them; then
/// the CPU time of every server and of PostgreSQL is reported per event.
/// </summary>
internal sealed class IngestHttpBenchmark(Report report, double scale, IReadOnlyList<string> serverArgs, BenchStorage storage, int servers, bool recentTimestamps)
{
    private const int Clients = 4;
    private const int ReadSamples = 200;
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>False when the servers run with <c>--Scan:Enabled=false</c> (the ingest ceiling): nothing lists a new issue then.</summary>
    private bool BackgroundScanOn => !serverArgs.Any(arg => arg.Equals("--Scan:Enabled=false", StringComparison.OrdinalIgnoreCase));

    public async Task RunAsync()
    {
        if (servers > 1 && storage.Name != "PostgreSQL")
        {
            throw new ArgumentException("Several servers share one store only on PostgreSQL: add --postgresql CONNECTION.");
        }

        var workload = new EventWorkload((int)(200_000 * scale), recentTimestamps);
        var folder = Directory.CreateTempSubdirectory("owlmetry-bench-");
        var environment = new Dictionary<string, string>(storage.ServerEnvironment(folder.FullName))
        {
            ["Attachments__Path"] = Path.Combine(folder.FullName, "attachments"),
        };
        var running = new List<BenchServer>();
        try
        {
            var credentials = JsonNode.Parse(await BenchServer.InitAsync(Path.Combine(folder.FullName, "server-0"), environment))!;
            for (var i = 0; i < servers; i++)
            {
                running.Add(await BenchServer.StartAsync(Path.Combine(folder.FullName, $"server-{i}"), environment, serverArgs));
            }

            var sdks = running.Select(server => server.Client(credentials["client_key"]!.GetValue<string>())).ToList();
            var agents = running.Select(server => server.Client(credentials["agent_key"]!.GetValue<string>())).ToList();
            report.Section($"{servers} server(s) on {storage.Name} over loopback HTTP (rate limit off: Ingest:RateLimit:Enabled=false{string.Concat(serverArgs.Select(a => " " + a))})");
            var scanNow = () => agents[0].PostAsJsonAsync($"/v1/teams/{credentials["team_id"]}/jobs/trigger", new { job_type = "issue_scan" });
            var firstPass = $"{workload.Count:N0} events";
            await IngestAsync(sdks, workload, running, firstPass);
            report.Row("scan backlog left after ingest, triggered scan", firstPass, $"{(await TimeCallAsync(scanNow)).TotalMilliseconds:0} ms");
            var projectId = credentials["project_id"]!.GetValue<string>();
            await ReadLatencyAsync(agents, projectId, workload.Count);
            await WriteLatencyAsync(agents[0], projectId);
            if (BackgroundScanOn)
            {
                await LatencyAsync(sdks[0], agents[^1], projectId);
            }
            else
            {
                report.Row("ingest response → issue listed", "one event at a time, after the bulk run", "not measured: the servers' background scan is off");
            }

            for (var i = 0; i < running.Count; i++)
            {
                report.Row($"server {i + 1} peak memory (VmHWM), whole run", $"{workload.Count:N0} events ingested and scanned", Stats.PeakMemory(running[i].ProcessId));
            }

            var warmPass = $"{workload.Count:N0} more events of new sessions, warm server";
            await IngestAsync(sdks, new EventWorkload(workload.Count, recentTimestamps), running, warmPass);
            report.Row("scan backlog left after ingest, triggered scan", warmPass, $"{(await TimeCallAsync(scanNow)).TotalMilliseconds:0} ms");

            foreach (var client in sdks.Concat(agents))
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var server in running)
            {
                server.Dispose();
            }

            folder.Delete(recursive: true);
            await storage.DropSchemasAsync();
        }
    }

    /// <summary>
    /// One timed pass of the workload's batches. The first pass meets a cold server,
    /// whose just-in-time compilation costs it seconds of CPU; the second, after every other measure, the server as it runs
    /// from then on.
    /// </summary>
    private async Task IngestAsync(IReadOnlyList<HttpClient> sdks, EventWorkload workload, IReadOnlyList<BenchServer> running, string pass)
    {
        var bodies = workload.Batches(100, DateTimeOffset.UtcNow)
            .Select(batch => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { events = batch }, s_json)))
            .ToArray();
        var next = -1;
        await storage.CheckpointAsync();
        var gc = await Task.WhenAll(running.Select(server => server.GcAsync()));
        var cpu = running.Select(server => Stats.Cpu(server.ProcessId)).ToList();
        var postgreSqlCpu = Stats.PostgreSqlCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var sdk = sdks[client % sdks.Count];
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await sdk.PostAsync("/v1/ingest", content);
                response.EnsureSuccessStatusCode();
            }
        }));
        var elapsed = clock.Elapsed;
        var serversCpu = running.Select((server, i) => Stats.Cpu(server.ProcessId) - cpu[i]).ToList();
        report.Row(
            $"ingest, {Clients} concurrent clients over {running.Count} server(s), batches of 100",
            $"{pass}, {workload.Timestamps}",
            Stats.Rate(workload.Count, elapsed, serversCpu.Aggregate(TimeSpan.Zero, (a, b) => a + b), "events") + " (servers' CPU)");
        for (var i = 0; i < running.Count && running.Count > 1; i++)
        {
            report.Row($"server {i + 1} CPU during ingest", pass, Stats.CpuPerEvent(serversCpu[i], workload.Count));
        }

        for (var i = 0; i < running.Count; i++)
        {
            report.Row($"server {i + 1} GC during ingest", pass, (await running[i].GcAsync()).Since(gc[i], workload.Count / running.Count));
        }

        if (storage.Name == "PostgreSQL")
        {
            report.Row("PostgreSQL CPU during ingest (every postgres process)", pass, Stats.CpuPerEvent(Stats.PostgreSqlCpu() - postgreSqlCpu, workload.Count));
        }
    }

    /// <summary>The first page of the project's issues and one issue's detail, asked of the servers in turn.</summary>
    private async Task ReadLatencyAsync(IReadOnlyList<HttpClient> agents, string projectId, int events)
    {
        var firstPage = $"/v1/projects/{projectId}/issues?limit=50";
        var issueId = JsonNode.Parse(await agents[0].GetStringAsync(firstPage))!["issues"]![0]!["id"]!.GetValue<string>();
        foreach (var (measure, path) in new[] { ("list, first page of 50 (last seen)", firstPage), ("detail of the most recent issue", $"/v1/projects/{projectId}/issues/{issueId}") })
        {
            var samples = new List<TimeSpan>();
            for (var i = 0; i < ReadSamples + 20; i++)
            {
                var elapsed = await TimeCallAsync(() => agents[i % agents.Count].GetAsync(path));
                if (i >= 20)
                {
                    samples.Add(elapsed);
                }
            }

            report.Row(measure, $"the issues of {events:N0} events; one caller, after 20 warm-up calls", Stats.Percentiles(samples));
        }
    }

    /// <summary>
    /// <c>PATCH …/issues/:id</c> (resolve at a version, then reopen, in turn) and <c>POST …/comments</c> on the most
    /// recent issue, one call at a time: what a person triaging waits for, each call durable when answered. Timed
    /// twice: after 20 warm-up calls, where part of the path still runs code the JIT has not optimized, and after 1,000
    /// more, as a server that has been up a while answers.
    /// </summary>
    private async Task WriteLatencyAsync(HttpClient agent, string projectId)
    {
        var issue = $"/v1/projects/{projectId}/issues/{JsonNode.Parse(await agent.GetStringAsync($"/v1/projects/{projectId}/issues?limit=1"))!["issues"]![0]!["id"]!.GetValue<string>()}";
        foreach (var (warmUp, after) in new[] { (20, "after 20 warm-up calls"), (1_000, "after 1,000 more warm-up calls") })
        {
            var (statusChanges, comments) = await TimeWritesAsync(agent, issue, warmUp);
            report.Row("PATCH status (resolve at a version / reopen)", $"one issue; one caller, {after}", Stats.Percentiles(statusChanges));
            report.Row("POST comment", $"the same issue; one caller, {after}", Stats.Percentiles(comments));
        }
    }

    private static async Task<(List<TimeSpan> StatusChanges, List<TimeSpan> Comments)> TimeWritesAsync(HttpClient agent, string issue, int warmUp)
    {
        var statusChanges = new List<TimeSpan>();
        var comments = new List<TimeSpan>();
        for (var i = 0; i < ReadSamples + warmUp; i++)
        {
            var body = i % 2 == 0 ? (object)new { status = "resolved", resolved_at_version = "9.9.9" } : new { status = "new" };
            var statusChange = await TimeCallAsync(() => agent.PatchAsJsonAsync(issue, body));
            var comment = await TimeCallAsync(() => agent.PostAsJsonAsync($"{issue}/comments", new { body = $"Triage note {i}" }));
            if (i >= warmUp)
            {
                statusChanges.Add(statusChange);
                comments.Add(comment);
            }
        }

        return (statusChanges, comments);
    }

    /// <summary>One call until its whole answer is read; a refused call stops the bench.</summary>
    private static Task<TimeSpan> TimeCallAsync(Func<Task<HttpResponseMessage>> call) => Stats.TimeAsync(async () =>
    {
        using var response = await call();
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    });

    private async Task LatencyAsync(HttpClient sdk, HttpClient agent, string projectId)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 40; i++)
        {
            var title = $"Latency probe {Guid.NewGuid():N}".Replace("0", "z", StringComparison.Ordinal);
            var body = new { events = new[] { new { message = title, level = "error", session_id = Guid.NewGuid(), environment = "backend" } } };
            using var response = await sdk.PostAsJsonAsync("/v1/ingest", body);
            response.EnsureSuccessStatusCode();
            var clock = Stopwatch.StartNew();
            while (!(await agent.GetStringAsync($"/v1/projects/{projectId}/issues?sort=first_seen&limit=5")).Contains(title, StringComparison.Ordinal))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"{title} was not listed within 30 s");
                }

                await Task.Delay(5);
            }

            samples.Add(clock.Elapsed);
        }

        report.Row("ingest response → issue listed", "one event at a time, after the bulk run", Stats.Percentiles(samples));
    }
}
