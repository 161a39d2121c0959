using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// The server binary (<c>Owlmetry.Issues.Host.dll</c>) as a child process on a loopback port, over its own data
/// directory, with the storage settings of the run in its environment (the same as <c>init</c> is given).
/// </summary>
internal sealed class BenchServer : IDisposable
{
    private static readonly string s_host = Path.Combine(AppContext.BaseDirectory, "Owlmetry.Issues.Host.dll");

    private readonly Process _process;

    private BenchServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary><c>init --data DIR --json</c>: the credentials it prints, as JSON.</summary>
    public static async Task<string> InitAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Process.Start(Start(["init", "--data", dataDirectory, "--json"], environment))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"init failed ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
    }

    public static async Task<BenchServer> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> serverArgs)
    {
        var port = FreePort();
        var process = Process.Start(Start(
            ["--data", dataDirectory, "--urls", $"http://127.0.0.1:{port}", "--Ingest:RateLimit:Enabled=false", "--Logging:LogLevel:Default=Warning", .. serverArgs],
            environment))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchServer(process, port);
        using var client = server.Client(key: null);
        await WaitHealthyAsync(client);
        return server;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromMinutes(5) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>The server's allocations, collections and GC pauses so far, from the runtime's meter on <c>/metrics</c>.</summary>
    public async Task<ServerGc> GcAsync()
    {
        using var client = Client(key: null);
        var values = (await client.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("dotnet_gc_", StringComparison.Ordinal))
            .Select(line => (Name: line[..line.LastIndexOf(' ')], Value: double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))
            .ToList();
        double Value(string name, string label = "") => values.Single(v => v.Name.StartsWith(name, StringComparison.Ordinal) && v.Name.Contains(label, StringComparison.Ordinal)).Value;
        return new ServerGc(
            (long)Value("dotnet_gc_heap_total_allocated_bytes_total"),
            Value("dotnet_gc_pause_time_seconds_total"),
            (long)Value("dotnet_gc_collections_total", "\"gen0\""),
            (long)Value("dotnet_gc_collections_total", "\"gen1\""),
            (long)Value("dotnet_gc_collections_total", "\"gen2\""));
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static ProcessStartInfo Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [s_host, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
