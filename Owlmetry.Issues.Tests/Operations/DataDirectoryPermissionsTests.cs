using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// The data directory holds the database and the secrets: every path that creates it, or a folder in it, makes it
/// owner-only, and a server started on one that others may enter says so.
/// </summary>
public sealed class DataDirectoryPermissionsTests : DataDirectoryFixture
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Test]
    public void Start_DataDirectoryMissing_CreatesItOwnerOnly()
    {
        using var factory = new OwlmetryServerFactory(Data.Path);

        factory.CreateClient().Dispose();

        AssertOwnerOnlyFolder(Data.Path);
    }

    [Test]
    public async Task Init_DataDirectoryMissing_CreatesItOwnerOnly()
    {
        var exit = await InitCommand.RunAsync(["--data", Data.Path, "--json"], TextWriter.Null, TextWriter.Null);

        Assert.That(exit, Is.EqualTo(InitCommand.Succeeded));
        AssertOwnerOnlyFolder(Data.Path);
    }

    [Test]
    public async Task Upload_AttachmentsFolderMissing_CreatesItAndItsSubfolderOwnerOnly()
    {
        using var factory = new OwlmetryServerFactory(Data.Path);
        factory.CreateClient().Dispose();
        var attachmentId = Guid.NewGuid();

        using (var content = new MemoryStream([1, 2, 3]))
        {
            await factory.Blobs.WriteAsync(attachmentId, content);
        }

        AssertOwnerOnlyFolder(Data.File("attachments"));
        AssertOwnerOnlyFolder(Path.Combine(Data.File("attachments"), attachmentId.ToString("N")[..2]));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void Start_DataDirectoryOpenToOthers_LogsAWarningWithItsPathAndMode()
    {
        Directory.CreateDirectory(Data.Path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var warnings = StartAndCollectWarnings();

        Assert.That(warnings, Has.One.Contains(Data.Path).And.Contains("0755"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void Start_OwnerOnlyDataDirectory_LogsNoPermissionWarning()
    {
        Directory.CreateDirectory(Data.Path, OwnerOnly);

        var warnings = StartAndCollectWarnings();

        Assert.That(warnings, Has.None.Contains("chmod"));
    }

    private List<string> StartAndCollectWarnings()
    {
        using var logs = new RecordingLoggerProvider();
        using (var factory = new OwlmetryServerFactory(Data.Path).WithWebHostBuilder(b =>
                   b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs))))
        {
            factory.CreateClient().Dispose();
        }

        return [.. logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)];
    }
}
