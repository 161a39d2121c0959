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

    /// <summary>Runs one command line; <paramref name="input"/> is its standard input.</summary>
    private protected async Task<CliRun> RunAsync(string[] args, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(input),
            ConfigDirectory = ConfigDirectory,
            ConfigureHttp = http => http.ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler()),
        };
        var exit = await OwlmetryCli.RunAsync(args, context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private protected Task<CliRun> RunAsync(params string[] args) => RunAsync(args, string.Empty);

    /// <summary>Saves the default profile for <paramref name="credential"/>, with the team's project.</summary>
    private protected async Task LoginAsync(string credential)
    {
        var login = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", credential, "--project", Team.Project.Id.ToString());
        Assert.That(login.Exit, Is.Zero, login.ToString());
    }
}

internal sealed record CliRun(int Exit, string Out, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- out\n{Out}--- error\n{Error}";
}
