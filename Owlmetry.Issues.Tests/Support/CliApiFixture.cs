using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Cli;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The HTTP API fixture with the <c>owlmetry</c> command line run in-process against its server, with a config folder of its own.</summary>
public abstract class CliApiFixture : HttpApiFixture
{
    private TempFolder _config = null!;

    private protected string ConfigDirectory => _config.Path;

    [SetUp]
    public void CreateConfigFolder()
    {
        _config = new TempFolder();
        if (!OperatingSystem.IsWindows())
        {
            // As the tool makes its own: it refuses to save credentials in a folder that lets others in.
            File.SetUnixFileMode(_config.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [TearDown]
    public void RemoveConfigFolder() => _config.Dispose();

    /// <summary>Runs one command line against the test server; <paramref name="input"/> is its standard input.</summary>
    private protected Task<CliRun> RunAsync(string[] args, string input = "") =>
        RunAsync(args, input, http => http.ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler()), CliContext.DefaultRequestTimeout, CancellationToken.None);

    private protected Task<CliRun> RunAsync(params string[] args) => RunAsync(args, string.Empty);

    /// <summary>
    /// Runs one command line as if standard input were a terminal: a password is asked for at a prompt and read from
    /// <paramref name="keys"/> by the tool's own key handling (<see cref="TerminalPassword.Read"/>), as from the console's.
    /// </summary>
    private protected Task<CliRun> RunAtTerminalAsync(string[] args, IEnumerable<ConsoleKeyInfo> keys) =>
        RunAsync(args, string.Empty, http => http.ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler()), CliContext.DefaultRequestTimeout,
            CancellationToken.None, new Queue<ConsoleKeyInfo>(keys));

    /// <summary>
    /// Runs one command line over real sockets, the test server left out, against a server of the test's own: each
    /// request waits <paramref name="requestTimeout"/> at most, and <paramref name="ct"/> is the user's Ctrl+C.
    /// </summary>
    private protected Task<CliRun> RunOverSocketsAsync(string[] args, TimeSpan requestTimeout, CancellationToken ct = default) =>
        RunAsync(args, string.Empty, configureHttp: null, requestTimeout, ct);

    /// <summary>Runs one command line against <paramref name="server"/>, a fake on the client's primary handler.</summary>
    private protected Task<CliRun> RunAgainstAsync(HttpMessageHandler server, params string[] args) =>
        RunAsync(args, string.Empty, http => http.ConfigurePrimaryHttpMessageHandler(() => server), CliContext.DefaultRequestTimeout, CancellationToken.None);

    private async Task<CliRun> RunAsync(
        string[] args, string input, Action<IHttpClientBuilder>? configureHttp, TimeSpan requestTimeout, CancellationToken ct, Queue<ConsoleKeyInfo>? typedKeys = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(input),
            ReadTypedPassword = typedKeys is null ? null : prompt => TerminalPassword.Read(prompt, typedKeys.Dequeue, error),
            ConfigDirectory = ConfigDirectory,
            ConfigureHttp = configureHttp,
            RequestTimeout = requestTimeout,
        };
        var exit = await OwlmetryCli.RunAsync(args, context, ct);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Saves the default profile for <paramref name="credential"/>, with the team's project unless
    /// <paramref name="withProject"/> is false: a client key's, which sends events and may not read the project's issues.
    /// </summary>
    private protected async Task LoginAsync(string credential, bool withProject = true)
    {
        string[] project = withProject ? ["--project", Team.Project.Id.ToString()] : [];
        var login = await RunAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--token", credential, .. project]);
        Assert.That(login.Exit, Is.Zero, login.ToString());
    }
}

internal sealed record CliRun(int Exit, string Out, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- out\n{Out}--- error\n{Error}";
}
