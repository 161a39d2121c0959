using System.Net;
using System.Net.Sockets;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// A server that never answers: the command gives up after its request timeout with one line saying so (exit code 1),
/// and Ctrl+C stops it quietly with 130. Neither is the silent exit code 1 that meant "refused by the server".
/// </summary>
public sealed class CliTimeoutTests : CliApiFixture
{
    private TcpListener _silentServer = null!;

    private string SilentServerUrl => $"http://127.0.0.1:{((IPEndPoint)_silentServer.LocalEndpoint).Port}/";

    // Connections are accepted (into the listener's backlog, by the OS) and a request is sent, but nothing ever answers.
    [SetUp]
    public void StartSilentServer()
    {
        _silentServer = new TcpListener(IPAddress.Loopback, 0);
        _silentServer.Start();
    }

    [TearDown]
    public void StopSilentServer() => _silentServer.Dispose();

    [Test]
    public async Task Login_ServerNeverAnswers_ExitsOneWithOneLineNamingTheServerAndTheTimeout()
    {
        var run = await RunOverSocketsAsync(["login", "--server", SilentServerUrl, "--token", "owl_agent_any"], TimeSpan.FromMilliseconds(500));

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Is.EqualTo($"error: the server at {SilentServerUrl} did not answer within 0.5 s\n"), "a timeout must say so on standard error");
    }

    [Test]
    public async Task Login_InterruptedWhileWaitingForTheServer_Exits130Quietly()
    {
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = await RunOverSocketsAsync(["login", "--server", SilentServerUrl, "--token", "owl_agent_any"], TimeSpan.FromMinutes(5), ctrlC.Token);

        Assert.That(run.Exit, Is.EqualTo(130), "Ctrl+C must give 130, not 1 (refused by the server):\n" + run);
        Assert.That(run.Out + run.Error, Is.Empty);
    }
}
