using System.Text.Json.Nodes;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Bootstrap;

public sealed class InitCommandTests : DataDirectoryFixture
{
    [Test]
    public async Task RunAsync_EmptyDirectoryWithJson_PrintsCredentialsAndExits0()
    {
        var (exit, output, error) = await RunAsync("--data", Data.Path, "--json");

        Assert.That(exit, Is.EqualTo(0), error);
        var printed = JsonNode.Parse(output)!;
        Assert.That(printed.MemberNames(), Is.EquivalentTo(new[]
        {
            "team_id", "user_email", "user_password", "project_id", "app_id", "bundle_id", "client_key", "agent_key",
        }));
        Assert.That(printed.Text("user_email"), Is.EqualTo("admin@localhost"));
        Assert.That(printed.Text("user_password"), Has.Length.AtLeast(20));
        Assert.That(Guid.TryParse(printed.Text("team_id"), out _), Is.True);
        Assert.That(printed.Text("client_key"), Does.Match("^owl_client_[0-9a-f]{48}$"));
        Assert.That(printed.Text("agent_key"), Does.Match("^owl_agent_[0-9a-f]{48}$"));
        Assert.That(printed["bundle_id"], Is.Null);
    }

    [Test]
    public async Task RunAsync_EmptyDirectory_WritesTheSameCredentialsOwnerOnly()
    {
        var (_, output, _) = await RunAsync("--json", $"--data={Data.Path}");

        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(await File.ReadAllTextAsync(CredentialsFile)), JsonNode.Parse(output)), Is.True);
        AssertOwnerOnly(CredentialsFile);
    }

    [Test]
    public async Task RunAsync_EmptyDirectoryWithoutJson_PrintsAReadableBlock()
    {
        var (exit, output, _) = await RunAsync("--data", Data.Path);

        Assert.That(exit, Is.EqualTo(0));
        var credentials = await ReadCredentialsAsync();
        Assert.That(output, Does.Contain(credentials.UserPassword).And.Contain(credentials.AgentKey).And.Contain(credentials.TeamId.ToString()));
        Assert.That(output, Does.Contain("user_email     admin@localhost"));
        Assert.That(output, Does.Contain(CredentialsFile));
    }

    [Test]
    public async Task RunAsync_NonEmptyDirectory_RefusesAndChangesNothing()
    {
        await RunAsync("--data", Data.Path, "--json");
        var before = Snapshot();

        var (exit, output, error) = await RunAsync("--data", Data.Path, "--json");

        Assert.That(exit, Is.Not.EqualTo(0));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("not empty").And.Contain(Path.GetFullPath(Data.Path)));
        Assert.That(Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task RunAsync_DirectoryHoldingOtherFiles_RefusesAndCreatesNothing()
    {
        Directory.CreateDirectory(Data.Path);
        await File.WriteAllTextAsync(Data.File("notes.txt"), "someone's notes");

        var (exit, output, error) = await RunAsync("--data", Data.Path);

        Assert.That(exit, Is.EqualTo(1), "init must refuse a directory that holds anything");
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("not empty").And.Contain("notes.txt").And.Contain(Path.GetFullPath(Data.Path)));
        Assert.That(Directory.GetFileSystemEntries(Data.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }),
            "init created files beside someone else's");
    }

    [Test]
    public async Task RunAsync_MountPoint_RefusesAndSaysToUseAFolderInside()
    {
        Directory.CreateDirectory(Path.Combine(Data.Path, "lost+found"));

        var (exit, _, error) = await RunAsync("--data", Data.Path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("lost+found: a mount point; use a folder inside it"));
    }

    [TestCase("--bogus")]
    [TestCase("--data")]
    public async Task RunAsync_BadArguments_Exits2WithUsageAndWritesNothing(string argument)
    {
        var (exit, _, error) = await RunAsync(argument);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("Usage:"));
        Assert.That(Directory.Exists(Data.Path), Is.False);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await InitCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Data.Path).ToDictionary(f => Path.GetFileName(f), f => $"{Convert.ToHexString(File.ReadAllBytes(f))}@{File.GetLastWriteTimeUtc(f).Ticks}");
}
