using System.Reflection;
using Owlmetry.Issues.Host;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// The binary's command line: help and the version answer without starting anything, and arguments the configuration
/// reader would skip are refused instead of starting a server on its defaults (a data directory, credentials and a
/// listening port where it was run).
/// </summary>
[TestFixture]
public sealed class HostCommandLineTests
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] s_commands = ["init", "users reset-password", "backup", "restore", "copy-to-postgresql"];

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-?")]
    [TestCase("/?")]
    [TestCase("help")]
    [TestCase("--data", "/srv/owlmetry", "--help")]
    public async Task Help_PrintsEveryCommandAndExits0(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.That(exit, Is.EqualTo(HostCommandLine.Succeeded), error);
        Assert.That(error, Is.Empty);
        Assert.That(output, Does.Contain("Owlmetry.Issues.Host [--data DIR] [--urls URL]"), "help does not show how to start the server");
        foreach (var command in s_commands)
        {
            Assert.That(output, Does.Contain($"Owlmetry.Issues.Host {command} "), $"help does not list {command}");
        }
    }

    [TestCase("init", "--help")]
    [TestCase("users", "reset-password", "-h")]
    [TestCase("backup", "--out", "/srv/backups", "--help")]
    [TestCase("restore", "/?")]
    [TestCase("copy-to-postgresql", "--help")]
    public async Task CommandHelp_PrintsThatCommandsUsageAndExits0(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.That(exit, Is.EqualTo(HostCommandLine.Succeeded), error);
        Assert.That(output, Does.StartWith($"  Owlmetry.Issues.Host {args[0]} "), "the command's usage is not printed");
        Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(2), "more than the command's usage and summary is printed");
    }

    [Test]
    public async Task Version_PrintsTheInformationalVersion()
    {
        var (exit, output, _) = await RunAsync("--version");

        Assert.That(exit, Is.EqualTo(HostCommandLine.Succeeded));
        Assert.That(output.Trim(), Is.EqualTo(typeof(HostCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion));
    }

    [TestCase(new[] { "inti" }, "Unknown command 'inti'.")]
    [TestCase(new[] { "--urls", "http://127.0.0.1:4000", "serve" }, "Unknown command 'serve'.")]
    [TestCase(new[] { "--data" }, "--data needs a value: --data VALUE or --data=VALUE.")]
    [TestCase(new[] { "--urls", "http://127.0.0.1:4000", "/data" }, "/data needs a value: /data VALUE or /data=VALUE.")]
    [TestCase(new[] { "--dta", "/srv/owlmetry" }, "Unknown setting 'dta': a setting is --Section:Key VALUE;")]
    [TestCase(new[] { "--url=http://0.0.0.0:5000" }, "Unknown setting 'url': a setting is --Section:Key VALUE;")]
    [TestCase(new[] { "--data", "/srv/owlmetry", "Scan=false" }, "Unknown setting 'Scan': a setting is --Section:Key VALUE;")]
    [TestCase(new[] { "-v" }, "Unknown option '-v': settings are given as --Key VALUE or --Key=VALUE.")]
    [TestCase(new[] { "-Scan:Enabled=false" }, "Unknown option '-Scan:Enabled=false': settings are given as --Key VALUE or --Key=VALUE.")]
    public async Task UnreadableArguments_AreRefusedWithExit2(string[] args, string refusal)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.That(exit, Is.EqualTo(HostCommandLine.UsageError));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith(refusal).And.Contain("--help"));
    }

    [TestCase]
    [TestCase("--data", "/srv/owlmetry", "--urls", "http://127.0.0.1:4000")]
    [TestCase("--data=/srv/owlmetry", "--Scan:Enabled=false")]
    [TestCase("Storage:Provider=postgresql", "/Storage:Schema", "owlmetry")]
    [TestCase("--Issues:DataFile=")]
    [TestCase("--URLS", "http://127.0.0.1:4000", "/environment", "Production", "PORT=4100")]
    [TestCase("--Scan=", "--Scan:Enabled=false", "--environment=Testing")]
    public async Task ServerSettings_StartTheServer(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.That(exit, Is.Null, $"the server would not start: {error}");
        Assert.That(output + error, Is.Empty);
    }

    [TestCase("--help", 0)]
    [TestCase("inti", 2)]
    public async Task TheBinary_AnswersWithoutCreatingADataDirectory(string arg, int expectedExit)
    {
        using var folder = new TempFolder();
        using var host = ChildProcess.Start("Owlmetry.Issues.Host.dll", [arg], folder.Path);

        Assert.That(await host.WaitForExitAsync(s_exitTimeout, $"Owlmetry.Issues.Host {arg}"), Is.EqualTo(expectedExit), host.Describe());
        Assert.That(Directory.EnumerateFileSystemEntries(folder.Path), Is.Empty, "the binary wrote into the folder it was run from");
    }

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HostCommandLine.TryRunCommandAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
