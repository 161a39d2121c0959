using System.Text.Json.Nodes;
using Owlmetry.Issues.Tests.Crash;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>The built <c>owlmetry</c> program, as a child process, against the built server running as another: over a real socket.</summary>
public sealed class CliAgainstServerProcessTests
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [TearDown]
    public void RemoveFolder() => _folder.Dispose();

    [Test]
    public async Task IssuesListJson_AgainstARunningServer_ListsTheIssueTheCliIngestedAndScanned()
    {
        var data = Path.Combine(_folder.Path, "data");
        var credentials = await HostProcess.InitAsync(data);
        using var server = await HostProcess.StartAsync(data, backgroundScan: false);
        var events = Path.Combine(_folder.Path, "events.json");
        await File.WriteAllTextAsync(events, $$"""[{"message": "Connection refused", "level": "error", "session_id": "{{Guid.NewGuid()}}"}]""");
        var url = server.BaseAddress.ToString();

        await OwlmetryAsync("login", "--server", url, "--token", credentials.AgentKey, "--project", credentials.ProjectId.ToString());
        await OwlmetryAsync("login", "--profile", "sdk", "--server", url, "--token", credentials.ClientKey);
        await OwlmetryAsync("ingest", "--file", events, "--profile", "sdk");
        await OwlmetryAsync("scan");
        var listed = await OwlmetryAsync("issues", "list", "--json");

        var issues = JsonNode.Parse(listed)!.AsArray();
        Assert.That(issues.Select(i => i!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Connection refused" }));
        Assert.That(issues[0]!["project_id"]!.GetValue<string>(), Is.EqualTo(credentials.ProjectId.ToString()));
    }

    private async Task<string> OwlmetryAsync(params string[] args)
    {
        using var cli = ChildProcess.Start(
            Path.Combine("cli", "owlmetry.dll"), args, _folder.Path, new Dictionary<string, string?> { ["OWLMETRY_CONFIG_DIR"] = Path.Combine(_folder.Path, "config") });
        var exit = await cli.WaitForExitAsync(s_commandTimeout, $"owlmetry {string.Join(' ', args)}");
        Assert.That(exit, Is.Zero, $"owlmetry {string.Join(' ', args)}:\n{cli.Describe()}");
        return string.Join('\n', cli.Lines);
    }
}
