using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// The server binary on loopback, as a self-hoster runs it: ingest throughput from 4 concurrent clients with
/// batches of 100 (rate limit off), the time from an ingest response to the issue being listed, and the server's
/// peak memory over the whole 200,000-event run, ingest and background scan included.
/// </summary>
internal sealed class IngestHttpBenchmark(Report report, double scale, IReadOnlyList<string> serverArgs)
{
    private const int Clients = 4;
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task RunAsync()
    {
        var workload = new EventWorkload((int)(200_000 * scale));
        var folder = Directory.CreateTempSubdirectory("owlmetry-bench-");
        var host = Path.Combine(AppContext.BaseDirectory, "Owlmetry.Issues.Host.dll");
        try
        {
            var credentials = JsonNode.Parse(await RunToEndAsync(host, $"init --data {folder.FullName} --json"))!;
            var port = FreePort();
            using var server = Process.Start(new ProcessStartInfo("dotnet",
                [host, "--data", folder.FullName, "--urls", $"http://127.0.0.1:{port}", "--Ingest:RateLimit:Enabled=false", "--Logging:LogLevel:Default=Warning", .. serverArgs])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                using var sdk = Client(port, credentials["client_key"]!.GetValue<string>());
                using var agent = Client(port, credentials["agent_key"]!.GetValue<string>());
                await WaitHealthyAsync(sdk);
                report.Section($"Server over loopback HTTP (rate limit off: Ingest:RateLimit:Enabled=false{string.Concat(serverArgs.Select(a => " " + a))})");
                await IngestAsync(sdk, workload, server.Id);
                var catchUp = await Stats.TimeAsync(() => agent.PostAsJsonAsync($"/v1/teams/{credentials["team_id"]}/jobs/trigger", new { job_type = "issue_scan" }));
                report.Row("scan backlog left after ingest, triggered scan", $"{workload.Count:N0} events", $"{catchUp.TotalMilliseconds:0} ms");
                await LatencyAsync(sdk, agent, credentials["project_id"]!.GetValue<string>());
                report.Row("server peak memory (VmHWM), whole run", $"{workload.Count:N0} events ingested and scanned", Stats.PeakMemory(server.Id));
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task IngestAsync(HttpClient sdk, EventWorkload workload, int serverId)
    {
        var bodies = workload.Batches(100, DateTimeOffset.UtcNow)
            .Select(batch => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { events = batch }, s_json)))
            .ToArray();
        var next = -1;
        var cpu = Stats.Cpu(serverId);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await sdk.PostAsync("/v1/ingest", content);
                response.EnsureSuccessStatusCode();
            }
        }));
        report.Row($"ingest, {Clients} concurrent clients, batches of 100", $"{workload.Count:N0} events", Stats.Rate(workload.Count, clock.Elapsed, Stats.Cpu(serverId) - cpu, "events") + " (server CPU)");
    }

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

    private static HttpClient Client(int port, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not become healthy within 60 s.");
    }

    private static async Task<string> RunToEndAsync(string host, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"{host} {arguments}") { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
