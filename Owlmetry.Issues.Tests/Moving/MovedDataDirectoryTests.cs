using Owlmetry.Issues.Host;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Moving;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Moving;

/// <summary>
/// A LiteDB data directory that <c>copy-to-postgresql</c> marked as moved: the server on LiteDB and the offline
/// commands refuse it in one line naming the marker and what to do, and write nothing; without the marker it is
/// LiteDB storage again.
/// </summary>
public sealed class MovedDataDirectoryTests : DataDirectoryFixture
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset s_movedAt = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private const string Database = "Host=db.example;Port=5432;Database=owlmetry;Username=owlmetry";

    private string Marker => Data.File(MovedToPostgreSql.FileName);

    private string Moved => $"{Data.Path} was moved to PostgreSQL ({Database}, schema owlmetry) on 2026-03-04 05:06:07 UTC, as its {MovedToPostgreSql.FileName} file says";

    private string LiteDbRefusal =>
        $"{Moved}: set Storage:Provider=postgresql to run on the copy, or delete {Marker} to keep using the LiteDB data here (without what PostgreSQL received since).";

    [SetUp]
    public async Task CreateMovedDataDirectoryAsync()
    {
        Assert.That(await InitCommand.RunAsync(["--data", Data.Path], TextWriter.Null, TextWriter.Null), Is.Zero);
        await MovedToPostgreSql.WriteAsync(new DataDirectory(Data.Path), s_movedAt, Database, "owlmetry", "/srv/owlmetry-attachments");
    }

    [Test]
    public async Task Start_OnLiteDb_ExitsWithOneLineNamingTheMarker_AndWritesNothing()
    {
        var before = Files();

        using var server = ChildProcess.Start("Owlmetry.Issues.Host.dll", ["--data", Data.Path, "--urls", $"http://127.0.0.1:{FreePort.Next()}"], Path.GetTempPath());
        var exitCode = await server.WaitForExitAsync(s_exitTimeout, "the server to refuse the moved data directory");

        Assert.That(exitCode, Is.EqualTo(1), server.Describe());
        Assert.That(server.StandardError.Trim(), Is.EqualTo($"The server cannot start: {LiteDbRefusal}"));
        Assert.That(Files(), Is.EqualTo(before), "the refused start wrote into the data directory");
    }

    [Test]
    public async Task UsersResetPassword_RefusesNamingTheMarker_AndWritesNothing_UntilTheMarkerIsDeleted()
    {
        var before = Files();

        var (exit, output, error) = await RunAsync("users", "reset-password", "--email", DirectoryBootstrapper.AdminEmail, "--data", Data.Path);
        var unchanged = Files();
        File.Delete(Marker);
        var (undone, undoneOutput, undoneError) = await RunAsync("users", "reset-password", "--email", DirectoryBootstrapper.AdminEmail, "--data", Data.Path);

        Assert.That((exit, error.Trim()), Is.EqualTo((1, $"users reset-password cannot use the storage: {LiteDbRefusal}")));
        Assert.That(output, Is.Empty);
        Assert.That(unchanged, Is.EqualTo(before), "the refused reset wrote into the data directory");
        Assert.That(undone, Is.Zero, $"without the marker the directory is not LiteDB storage again: {undoneError}");
        Assert.That(undoneOutput, Does.StartWith($"New password for {DirectoryBootstrapper.AdminEmail}"));
    }

    [Test]
    public async Task Init_RefusesNamingTheMarker_AndWritesNothing()
    {
        var before = Files();

        var (exit, output, error) = await RunAsync("init", "--data", Data.Path);

        Assert.That((exit, error.Trim()), Is.EqualTo((1, $"init cannot run: {LiteDbRefusal}")));
        Assert.That(output, Is.Empty);
        Assert.That(Files(), Is.EqualTo(before));
    }

    [Test]
    public async Task OfflineBackup_RefusesNamingTheMarker_AndCreatesNoBackupFolder()
    {
        using var backups = new TempFolder();
        var destination = backups.File("backup");
        var before = Files();

        var (exit, output, error) = await RunAsync("backup", "--data", Data.Path, "--out", destination);

        Assert.That((exit, error.Trim()), Is.EqualTo((1,
            $"{Moved}: a backup of it would not hold the server's data. Back up the PostgreSQL database (pg_dump) and its attachments folder " +
            $"instead, or delete {Marker} to keep using the LiteDB data here; nothing was written.")));
        Assert.That(output, Is.Empty);
        Assert.That(Directory.Exists(destination), Is.False, "a backup folder was created");
        Assert.That(Files(), Is.EqualTo(before));
    }

    [Test]
    public async Task CopyToPostgreSqlAgain_RefusesNamingTheMarker_BeforeReachingTheDatabase()
    {
        var before = Files();

        var (exit, output, error) = await RunAsync(
            "copy-to-postgresql", "--data", Data.Path, "--connection", "Host=127.0.0.1;Port=1;Database=owlmetry;Username=owlmetry;Timeout=3", "--schema", "again");

        Assert.That((exit, error.Trim()), Is.EqualTo((1,
            $"{Moved}: the copy changed nothing. The server's data is in PostgreSQL now; to copy this directory again all the same, " +
            $"delete {Marker} first (--verify-only compares it with a copy without that).")));
        Assert.That(output, Is.Empty);
        Assert.That(Files(), Is.EqualTo(before));
    }

    [Test]
    public async Task MarkerEditedWithoutItsFields_StillRefusesNamingTheFile()
    {
        await File.WriteAllTextAsync(Marker, "moved by hand\n");

        var (exit, _, error) = await RunAsync("users", "reset-password", "--email", DirectoryBootstrapper.AdminEmail, "--data", Data.Path);

        Assert.That((exit, error.Trim()), Is.EqualTo((1,
            $"users reset-password cannot use the storage: {Data.Path} was moved to PostgreSQL, as its {MovedToPostgreSql.FileName} file says: " +
            $"set Storage:Provider=postgresql to run on the copy, or delete {Marker} to keep using the LiteDB data here (without what PostgreSQL received since).")));
    }

    /// <summary>Every file of the data directory with its length and last write, to show that nothing was written.</summary>
    private Dictionary<string, (long Length, DateTime Written)> Files() =>
        new DirectoryInfo(Data.Path).EnumerateFiles("*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Data.Path, f.FullName), f => (f.Length, f.LastWriteTimeUtc));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HostCommandLine.TryRunCommandAsync(args, output, error);
        return (exit ?? throw new InvalidOperationException($"{string.Join(' ', args)} would start the server"), output.ToString(), error.ToString());
    }
}
