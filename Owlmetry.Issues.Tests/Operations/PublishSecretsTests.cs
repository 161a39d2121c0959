using System.Text;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// A development data directory left in the host's project folder (by a server run from there) holds the admin password
/// and the keys: publishing the host must carry none of it. The host is published once, framework-dependent, with
/// such a folder planted, and every byte of the output is searched for the planted secret.
/// </summary>
[Category("Publish")]
public sealed class PublishSecretsTests
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(3);
    private readonly string _marker = "planted-secret-" + Guid.NewGuid().ToString("N");
    private readonly TempFolder _output = new();
    private string _plantedFolder = null!;
    private string? _createdDataFolder;

    [OneTimeSetUp]
    public async Task PublishWithADataDirectoryInTheProjectFolder()
    {
        var project = Path.Combine(Repository.Root, "Owlmetry.Issues.Host");
        var data = Path.Combine(project, "owlmetry-data");
        if (!Directory.Exists(data))
        {
            _createdDataFolder = data;
        }

        // A folder of its own inside the data directory, so that a developer's real files there are never touched.
        _plantedFolder = Path.Combine(data, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_plantedFolder);
        await File.WriteAllTextAsync(Path.Combine(_plantedFolder, "initial-credentials.json"), $$"""{"user_password": "{{_marker}}"}""");
        await File.WriteAllTextAsync(Path.Combine(_plantedFolder, "jwt-secret"), _marker);
        await File.WriteAllTextAsync(Path.Combine(_plantedFolder, "owlmetry.db"), _marker);
        await File.WriteAllTextAsync(Path.Combine(data, Path.GetFileName(_plantedFolder) + ".json"), $$"""{"client_key": "{{_marker}}"}""");

        using var publish = ChildProcess.StartDotnet(
            ["publish", Path.Combine(project, "Owlmetry.Issues.Host.csproj"), "-c", Repository.Configuration, "--no-restore", "-o", _output.Path],
            Repository.Root);
        var exit = await publish.WaitForExitAsync(s_publishTimeout, "dotnet publish");
        Assert.That(exit, Is.Zero, $"dotnet publish failed:\n{publish.Describe()}");
    }

    [OneTimeTearDown]
    public void RemovePlantedFiles()
    {
        var data = Path.GetDirectoryName(_plantedFolder)!;
        File.Delete(Path.Combine(data, Path.GetFileName(_plantedFolder) + ".json"));
        Directory.Delete(_plantedFolder, recursive: true);
        if (_createdDataFolder is not null)
        {
            Directory.Delete(_createdDataFolder, recursive: true);
        }

        _output.Dispose();
    }

    [Test]
    public void Publish_DataDirectoryInProjectFolder_LeavesNoTraceInTheOutput()
    {
        var files = Directory.GetFiles(_output.Path, "*", SearchOption.AllDirectories);
        var marker = Encoding.UTF8.GetBytes(_marker);

        Assert.That(files, Has.Some.EndsWith("Owlmetry.Issues.Host.dll"), "the publish produced the server");
        Assert.That(
            files.Where(f => f.Contains("owlmetry-data", StringComparison.Ordinal) || File.ReadAllBytes(f).AsSpan().IndexOf(marker) >= 0),
            Is.Empty,
            "published files from the data directory, or holding its secret");
    }
}
