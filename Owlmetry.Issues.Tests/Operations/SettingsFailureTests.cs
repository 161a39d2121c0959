using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Host;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Tests.Crash;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// The server binary, or one of its commands, given a setting it cannot use: it stops with exit code 1 and one line
/// naming the setting, not an unhandled exception with a stack trace and a core-dump exit code.
/// </summary>
[TestFixture]
public sealed class SettingsFailureTests
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(60);

    [TestCase("--Storage:Provider=postgres", "The server cannot start: Storage:Provider is 'postgres': use litedb (the default) or postgresql.")]
    [TestCase("--Storage:Provider=postgresql", "The server cannot start: Storage:Provider is postgresql but ConnectionStrings:Owlmetry is empty")]
    [TestCase("--Scan:BatchSize=abc", "The server cannot start: Failed to convert configuration value 'abc' at 'Scan:BatchSize'")]
    [TestCase("--Scan:BatchSize=0", "The server cannot start: Scan:BatchSize must be at least 1, not '0'.")]
    [TestCase("--Ingest:RateLimit:Enabled=maybe", "The server cannot start: Failed to convert configuration value 'maybe' at 'Ingest:RateLimit:Enabled'")]
    [TestCase("--Events:Retention=-1.00:00:00", "The server cannot start: Events:Retention must be positive, not '-1.00:00:00'.")]
    [TestCase("--Directory:MaxKeysPerTeam=0", "The server cannot start: Directory:MaxKeysPerTeam must be at least 1.")]
    [TestCase("--Auth:JwtSecret=too-short", "The server cannot start: Auth:JwtSecret must be at least 32 bytes long")]
    public async Task Start_WithASettingItCannotUse_ExitsWithOneLineNamingIt(string setting, string expected)
    {
        using var data = new TempFolder(create: false);

        var (exitCode, errors) = await StartAsync("--data", data.Path, setting);

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(errors.Trim().Split('\n'), Has.Length.EqualTo(1).And.Some.StartsWith(expected), "not one line naming the setting");
    }

    [Test]
    public async Task Start_OnPostgreSqlWithAMalformedConnectionString_ExitsWithOneLineNamingItAndNpgsqlsReason()
    {
        using var data = new TempFolder(create: false);

        var (exitCode, errors) = await StartAsync("--data", data.Path, "--Storage:Provider=postgresql", "--ConnectionStrings:Owlmetry=Hots=x");

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(errors.Trim().Split('\n'), Has.Length.EqualTo(1).And.Some.StartsWith(
            "The server cannot start: ConnectionStrings:Owlmetry is not a PostgreSQL connection string: Couldn't set hots"), "not one line naming the setting");
    }

    [TestCase("--Scan:BatchSize=abc")]
    [TestCase("--Scan:Interval=x")]
    [TestCase("--Auth:TokenLifetime=x")]
    [TestCase("--Scan:Enabled=maybe")]
    [TestCase("--Directory:MaxTeamsPerUser=abc")]
    [TestCase("--Directory:MaxTeamsPerUser=0")]
    [TestCase("--Events:Retention=-1")]
    [TestCase("--Auth:JwtSecret=abc")]
    [TestCase("--Storage:Provider=postgres")]
    [TestCase("--Ingest:RateLimit:Enabled=maybe")]
    public async Task Start_WithASettingItCannotUse_LeavesTheEmptyDataDirectoryEmpty(string setting)
    {
        using var data = new TempFolder();

        var (exitCode, errors) = await StartAsync("--data", data.Path, setting);

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(Directory.GetFileSystemEntries(data.Path), Is.Empty, "what the refused start wrote, for init to refuse the directory as not empty");
    }

    [Test]
    public async Task Start_PortInUse_ExitsWithOneLineNamingItAndStartsOnAnotherPortWithTheSameCredentials()
    {
        using var data = new TempFolder(create: false);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, errors) = await StartOnAsync(address, "--data", data.Path);

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(errors.Trim(), Is.EqualTo($"The server cannot start: Failed to bind to address {address}: address already in use."));
        // The refused start has bootstrapped the directory already; a start on another port keeps what it wrote.
        var credentials = await File.ReadAllTextAsync(data.File("initial-credentials.json"));
        using var server = await HostProcess.StartAsync(data.Path, backgroundScan: false);
        Assert.That(await File.ReadAllTextAsync(data.File("initial-credentials.json")), Is.EqualTo(credentials), "the credentials the first start printed");
    }

    [Test]
    public async Task Start_DataDirectoryOfARunningServer_ExitsWithOneLineNamingIt()
    {
        using var data = new TempFolder(create: false);
        using var running = new OwlmetryServerFactory(data.Path);
        running.CreateClient().Dispose();

        var (exitCode, errors) = await StartAsync("--data", data.Path);

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(errors.Trim(), Does.StartWith($"The server cannot start: The issue store file '{data.File("owlmetry.db")}' could not be opened for exclusive use"));
        Assert.That(errors.Trim().Split('\n'), Has.Length.EqualTo(1), "more than one line, a stack trace perhaps");
    }

    [Test]
    public async Task Start_DataDirectoryThatCannotBeCreated_ExitsWithOneLineNamingIt()
    {
        using var parent = new TempFolder();
        var data = await DataDirectoryUnderAFileAsync(parent);

        var (exitCode, errors) = await StartAsync("--data", data);

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(errors.Trim(), Does.StartWith($"The server cannot start: The data directory {data} cannot be created:"));
        Assert.That(errors.Trim().Split('\n'), Has.Length.EqualTo(1), "more than one line, a stack trace perhaps");
    }

    [Test]
    public async Task Init_DataDirectoryThatCannotBeCreated_ExitsWithOneLineNamingIt()
    {
        using var parent = new TempFolder();
        var data = await DataDirectoryUnderAFileAsync(parent);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await HostCommandLine.TryRunCommandAsync(["init", "--data", data], output, error);

        Assert.That(exitCode, Is.EqualTo(HostCommandLine.Failed), error.ToString());
        Assert.That(error.ToString().Trim(), Does.StartWith($"init cannot run: The data directory {data} cannot be created:"));
        Assert.That(output.ToString(), Is.Empty);
    }

    [Test]
    public void Describe_RepeatedFailures_NamesEachOnce()
    {
        var auth = new OptionsValidationException("Auth", typeof(object), ["Auth:JwtSecret is too short."]);
        var scan = new OptionsValidationException("Issues", typeof(object), ["ScanBatchSize must be at least 1.", "ScanBatchSize must be at least 1."]);

        var described = SettingsFailure.Describe(new AggregateException(auth, scan, auth));

        Assert.That(described.Split(Environment.NewLine), Is.EqualTo(new[] { "Auth:JwtSecret is too short.", "ScanBatchSize must be at least 1." }));
    }

    [Test]
    public void IsSettingsError_OnlyForSettingsFailures()
    {
        Assert.That(SettingsFailure.IsSettingsError(new InvalidOperationException("x")), Is.True);
        Assert.That(SettingsFailure.IsSettingsError(new AggregateException(new OptionsValidationException("o", typeof(object), ["x"]))), Is.True);
        Assert.That(SettingsFailure.IsSettingsError(new AggregateException(new InvalidOperationException("x"), new NullReferenceException())), Is.False,
            "a bug beside a settings failure would lose its stack trace");
        Assert.That(SettingsFailure.IsSettingsError(new NullReferenceException()), Is.False);
    }

    /// <summary>A data directory path that cannot be created: its parent is a file.</summary>
    private static async Task<string> DataDirectoryUnderAFileAsync(TempFolder parent)
    {
        var file = Path.Combine(parent.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        return Path.Combine(file, "data");
    }

    private static Task<(int ExitCode, string Errors)> StartAsync(params string[] args) => StartOnAsync($"http://127.0.0.1:{FreePort.Next()}", args);

    private static async Task<(int ExitCode, string Errors)> StartOnAsync(string address, params string[] args)
    {
        using var server = ChildProcess.Start("Owlmetry.Issues.Host.dll", [.. args, "--urls", address], Path.GetTempPath());
        var exitCode = await server.WaitForExitAsync(s_exitTimeout, "the server to refuse to start");
        return (exitCode, server.StandardError);
    }
}
