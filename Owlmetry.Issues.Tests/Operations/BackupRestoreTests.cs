using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Endpoints;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// <c>backup</c> without a running server, <c>restore</c>, and what both refuse. The backup of a running server
/// under load is <see cref="BackupUnderLoadTests"/>.
/// </summary>
public sealed class BackupRestoreTests : DataDirectoryFixture
{
    private TempFolder _elsewhere = null!;

    private string Backup => _elsewhere.File("backup");

    private string Restored => _elsewhere.File("restored");

    [SetUp]
    public void CreateFolders() => _elsewhere = new TempFolder();

    [TearDown]
    public void DeleteFolders() => _elsewhere.Dispose();

    [Test]
    public async Task BackupThenRestore_StoppedServer_RestoredServerHasTheIssueTheAttachmentAndTheSecret()
    {
        var (credentials, attachmentId, token) = await SeedAsync();

        var (backupExit, _, backupError) = await BackupAsync("--data", Data.Path, "--out", Backup);
        var (restoreExit, _, restoreError) = await RestoreAsync("--from", Backup, "--data", Restored);

        Assert.That(backupExit, Is.EqualTo(BackupCommand.Succeeded), backupError);
        Assert.That(restoreExit, Is.EqualTo(RestoreCommand.Succeeded), restoreError);
        using var restored = new OwlmetryServerFactory(Restored);
        using var user = restored.CreateClient();
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var issues = await (await user.GetAsync($"/v1/projects/{credentials.ProjectId}/issues")).JsonAsync();
        var attachment = await user.GetAsync($"/v1/attachments/{attachmentId}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(issues["issues"]!.AsArray().Select(i => i!.Text("title")), Is.EqualTo(new[] { "Connection refused" }), "issues, read with a token of the old server");
            Assert.That(attachment.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the attachment");
            Assert.That(await restored.Blobs.OpenReadAsync(attachmentId), Is.Not.Null, "the attachment's bytes");
            Assert.That(File.Exists(Path.Combine(Restored, BackupManifest.FileName)), Is.False, "the manifest stays with the backup");
        }
    }

    [Test]
    public async Task BackupThenRestore_Folders_AreOwnerOnly()
    {
        await SeedAsync();

        await BackUpDataAsync();
        await RestoreAsync("--from", Backup, "--data", Restored);

        foreach (var root in new[] { Backup, Restored })
        {
            AssertOwnerOnlyFolder(root);
            foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                if (entry is DirectoryInfo)
                {
                    AssertOwnerOnlyFolder(entry.FullName);
                }
                else
                {
                    AssertOwnerOnly(entry.FullName);
                }
            }
        }
    }

    [Test]
    public async Task Backup_ServerRunningOnTheDataDirectory_RefusesAndPointsToUrl()
    {
        using var running = new OwlmetryServerFactory(Data.Path);
        running.CreateClient().Dispose();

        var (exit, _, error) = await BackupAsync("--data", Data.Path, "--out", Backup);

        Assert.That(exit, Is.EqualTo(BackupCommand.Failed));
        Assert.That(error, Does.Contain($"backup --url http://HOST:PORT --data {Data.Path} --out {Backup}, with the server's address for HOST:PORT"),
            "the hint keeps the data directory (its backup token) and does not guess the server's port");
        Assert.That(BackupFolder.IsAbsentOrEmpty(Backup), Is.True, "what the refused backup left");
    }

    [Test]
    public async Task Backup_OutputNotEmpty_Refuses()
    {
        await SeedAsync();
        Directory.CreateDirectory(Backup);
        await File.WriteAllTextAsync(Path.Combine(Backup, "mine.txt"), "mine");

        var (exit, _, error) = await BackupAsync("--data", Data.Path, "--out", Backup);

        Assert.That(exit, Is.EqualTo(BackupCommand.Failed));
        Assert.That(error, Does.Contain("not empty"));
        Assert.That(Directory.GetFiles(Backup), Has.Length.EqualTo(1));
    }

    // A file where a folder of the path should be: refused even for root, whom permissions do not stop.
    [Test]
    public async Task Backup_OutputCannotBeCreated_FailsInALineNamingIt()
    {
        await SeedAsync();
        await File.WriteAllTextAsync(_elsewhere.File("a-file"), "not a folder");
        var destination = Path.Combine(_elsewhere.File("a-file"), "backup");

        var (exit, _, error) = await BackupAsync("--data", Data.Path, "--out", destination);

        Assert.That(exit, Is.EqualTo(BackupCommand.Failed));
        Assert.That(error, Does.StartWith($"The backup folder {destination} cannot be created: ").And.Not.Contains("   at "), "one line, no stack trace");
    }

    [Test]
    public async Task Restore_DataDirectoryCannotBeCreated_IsRefusedInALineNamingIt()
    {
        await SeedAsync();
        await BackUpDataAsync();
        await File.WriteAllTextAsync(_elsewhere.File("a-file"), "not a folder");
        var destination = Path.Combine(_elsewhere.File("a-file"), "data");

        var (exit, _, error) = await RestoreAsync("--from", Backup, "--data", destination);

        Assert.That(exit, Is.EqualTo(RestoreCommand.Refused));
        Assert.That(error, Does.StartWith($"The data directory {destination} cannot be created: ").And.EndsWith("restore changed nothing." + Environment.NewLine));
    }

    [Test]
    public async Task Restore_DataDirectoryNotEmpty_RefusesAndChangesNothing()
    {
        await SeedAsync();
        await BackUpDataAsync();
        var before = Directory.GetFiles(Data.Path, "*", SearchOption.AllDirectories).Order().ToList();

        var (exit, _, error) = await RestoreAsync("--from", Backup, "--data", Data.Path);

        Assert.That(exit, Is.EqualTo(RestoreCommand.Refused));
        Assert.That(error, Does.Contain("not empty"));
        Assert.That(Directory.GetFiles(Data.Path, "*", SearchOption.AllDirectories).Order(), Is.EqualTo(before));
    }

    [Test]
    public async Task Restore_BackupDamaged_RefusesNamingTheFileAndWritesNothing()
    {
        await SeedAsync();
        await BackUpDataAsync();
        await using (var database = File.OpenWrite(Path.Combine(Backup, "owlmetry.db")))
        {
            database.Position = 100;
            database.WriteByte(0xFF);
        }

        var (exit, _, error) = await RestoreAsync("--from", Backup, "--data", Restored);

        Assert.That(exit, Is.EqualTo(RestoreCommand.Refused));
        Assert.That(error, Does.Contain("owlmetry.db differs"));
        Assert.That(Directory.Exists(Restored), Is.False);
    }

    [Test]
    public async Task Restore_FolderWithoutManifest_Refuses()
    {
        Directory.CreateDirectory(Backup);

        var (exit, _, error) = await RestoreAsync("--from", Backup, "--data", Restored);

        Assert.That(exit, Is.EqualTo(RestoreCommand.Refused));
        Assert.That(error, Does.Contain("not a backup"));
    }

    [TestCase("--out")]
    [TestCase("--out", "x", "--token", "t")]
    [TestCase("--out", "x", "--out", "y")]
    [TestCase("--out", "x", "--unknown", "y")]
    public async Task Backup_BadArguments_PrintsUsageAndExits2(params string[] args)
    {
        var (exit, _, error) = await BackupAsync(args);

        Assert.That(exit, Is.EqualTo(BackupCommand.UsageError));
        Assert.That(error, Does.StartWith("Usage:"));
    }

    [TestCase("localhost:4211")]
    [TestCase("127.0.0.1:4211")]
    [TestCase("foo")]
    [TestCase("ftp://127.0.0.1:4211")]
    public async Task Backup_UrlNotAnHttpAddress_ExitsWithOneLineNamingIt(string url)
    {
        var (exit, _, error) = await BackupAsync("--url", url, "--data", Data.Path, "--out", Backup);

        Assert.That(exit, Is.EqualTo(BackupCommand.UsageError), error);
        Assert.That(error.Trim(), Is.EqualTo($"--url must be the server's http(s) address, e.g. http://127.0.0.1:4000 (got '{url}')."));
        Assert.That(Directory.Exists(Backup), Is.False, "a refused backup creates no folder");
    }

    [Test]
    public async Task BackupEndpoint_WrongToken_Is401WithAProblemBody()
    {
        using var running = new OwlmetryServerFactory(Data.Path);
        using var client = running.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-backup-token");

        using var response = await client.PostAsync(BackupEndpoints.Route, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.ErrorAsync(), Does.Contain("backup token"));
    }

    [Test]
    public async Task BackupEndpoint_InMemoryServer_Is409()
    {
        using var inMemory = new OwlmetryServerFactory();
        using var client = inMemory.CreateClient();

        using var response = await client.PostAsync(BackupEndpoints.Route, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    /// <summary>A server's first start, an event scanned into an issue, an attachment, a user token; then the server stops.</summary>
    private async Task<(InitialCredentials Credentials, Guid AttachmentId, string UserToken)> SeedAsync()
    {
        using var server = new OwlmetryServerFactory(Data.Path);
        server.CreateClient().Dispose();
        var credentials = await ReadCredentialsAsync();
        var sdk = server.CreateApiClient(credentials.ClientKey);

        var clientEventId = Guid.NewGuid();
        await sdk.IngestAsync(ClientIngest.Error("Connection refused", clientEventId));
        var attachmentId = await sdk.AddAttachmentAsync("stack trace", clientEventId);
        await server.CreateApiClient(credentials.AgentKey).TriggerScanAsync(credentials.TeamId);
        var login = await server.CreateApiClient(null).LoginAsync(credentials.UserEmail, credentials.UserPassword);
        return (credentials, attachmentId, login.Token);
    }

    /// <summary>The offline backup of <see cref="Data"/> into <see cref="Backup"/>, which the test needs to have succeeded.</summary>
    private async Task BackUpDataAsync()
    {
        var (exit, _, error) = await BackupAsync("--data", Data.Path, "--out", Backup);
        Assert.That(exit, Is.Zero, $"the backup the test starts from failed: {error}");
    }

    private static Task<(int Exit, string Output, string Error)> BackupAsync(params string[] args) =>
        RunAsync((output, error) => BackupCommand.RunAsync(args, output, error));

    private static Task<(int Exit, string Output, string Error)> RestoreAsync(params string[] args) =>
        RunAsync((output, error) => RestoreCommand.RunAsync(args, output, error));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Func<TextWriter, TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command(output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
