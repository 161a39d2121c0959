using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// The real server binary (<c>dotnet Owlmetry.Issues.Host.dll</c>) as a child process on a loopback port, over a
/// data directory; started when <c>/health</c> answers, killed with SIGKILL.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private const string HostAssembly = "Owlmetry.Issues.Host.dll";

    private readonly ChildProcess _child;

    private HostProcess(ChildProcess child, Uri baseAddress)
    {
        _child = child;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _child.HasExited;

    /// <summary>
    /// Runs <c>init --data DIR --json</c>, as an operator would before the first start; <paramref name="environment"/>
    /// carries the settings init reads besides <c>--data</c> (e.g. <c>Storage__Provider</c>).
    /// </summary>
    /// <returns>The credentials it printed.</returns>
    public static async Task<InitialCredentials> InitAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var init = ChildProcess.Start(HostAssembly, ["init", "--data", dataDirectory, "--json"], Path.GetDirectoryName(dataDirectory)!, environment);
        var exit = await init.WaitForExitAsync(s_startTimeout, "init");
        Assert.That(exit, Is.Zero, $"init failed:\n{init.Describe()}");
        return InitialCredentials.FromJson(string.Join('\n', init.Lines))
            ?? throw new InvalidOperationException($"init printed no credentials:\n{init.Describe()}");
    }

    /// <summary>
    /// Starts the server on a free loopback port and waits until it answers <c>/health</c>; <paramref name="settings"/>
    /// are passed as <c>--Key=Value</c> on its command line.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string dataDirectory, bool backgroundScan, IReadOnlyDictionary<string, string>? settings = null)
    {
        // A port found free can be taken by someone else before the child binds it: then the child exits, and we retry.
        for (var attempt = 1; ; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var child = ChildProcess.Start(
                HostAssembly,
                [
                    "--data", dataDirectory,
                    "--urls", baseAddress.ToString().TrimEnd('/'),
                    $"--Scan:Enabled={backgroundScan.ToString(CultureInfo.InvariantCulture)}",
                    "--Ingest:RateLimit:Enabled=false",
                    "--Logging:LogLevel:Default=Warning",
                    .. (settings ?? new Dictionary<string, string>()).Select(setting => $"--{setting.Key}={setting.Value}"),
                ],
                Path.GetDirectoryName(dataDirectory)!);
            var host = new HostProcess(child, baseAddress);
            try
            {
                await host.WaitUntilHealthyAsync();
                return host;
            }
            catch (InvalidOperationException) when (attempt < 3 && child.StandardError.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                host.Dispose();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
    }

    public HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no checkpoint, no dispose; only what was committed is in the file.</summary>
    public void Kill() => _child.Kill();

    public string Describe() => _child.Describe();

    public void Dispose() => _child.Dispose();

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_child.HasExited)
            {
                throw new InvalidOperationException($"The server exited while starting.\n{_child.Describe()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but not answering yet.
            }

            if (waited.Elapsed > s_startTimeout)
            {
                throw new TimeoutException($"The server did not answer /health within {s_startTimeout.TotalSeconds:0} s.\n{_child.Describe()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The server's database file in <paramref name="dataDirectory"/>.</summary>
    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, OwlmetryServer.DatabaseFileName);
}
