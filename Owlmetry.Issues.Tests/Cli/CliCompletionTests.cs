using Owlmetry.Issues.Access;
using Owlmetry.Issues.Cli;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// Shell completion: the <c>[suggest:POSITION]</c> directive that <c>dotnet-suggest</c> calls, run through the real
/// command line, offers commands, options and the values the API takes.
/// </summary>
public sealed class CliCompletionTests : CliApiFixture
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(60);

    [TestCase("issues list --status ", new[] { "in_progress", "new", "regressed", "resolved", "silenced", "snoozed" })]
    [TestCase("issues list --status re", new[] { "regressed", "resolved" })]
    [TestCase("issues list --sort ", new[] { "first_seen", "last_activity", "last_seen", "occurrences", "users" })]
    [TestCase("issues list --data-mode ", new[] { "all", "development", "production" })]
    [TestCase("issues claim --sort occ", new[] { "occurrences" })]
    [TestCase("issues claim --data-mode p", new[] { "production" })]
    [TestCase("members add jane@example.com --role ", new[] { "admin", "member", "owner" })]
    [TestCase("members set-role jane@example.com --role o", new[] { "owner" })]
    [TestCase("keys create --type ", new[] { "agent", "client" })]
    [TestCase("keys create --permission issues:", new[] { "issues:read", "issues:write" })]
    public async Task Suggest_OptionValue_CompletesToTheValuesTheApiTakes(string line, string[] expected)
    {
        var run = await RunAsync($"[suggest:{line.Length}]", line);

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(Lines(run.Out), Is.EqualTo(expected), $"completions of '{line}'");
    }

    [Test]
    public async Task Suggest_Commands_CompletesSubcommandsAndOptions()
    {
        var root = await RunAsync("[suggest:0]", "");
        var users = await RunAsync("[suggest:6]", "users ");
        var members = await RunAsync("[suggest:10]", "members re");
        var listOptions = await RunAsync("[suggest:16]", "issues list --st");

        Assert.That(Lines(root.Out), Is.SupersetOf(new[] { "comments", "issues", "login", "members", "users", "whoami" }), root.ToString());
        Assert.That(Lines(users.Out), Is.SupersetOf(new[] { "change-password", "reset-password" }), users.ToString());
        Assert.That(Lines(members.Out), Is.EqualTo(new[] { "remove" }), members.ToString());
        Assert.That(Lines(listOptions.Out), Is.EqualTo(new[] { "--status" }), listOptions.ToString());
    }

    [Test]
    public void CompletionValues_AreTheServersOwn()
    {
        Assert.That(CompletionValues.Statuses, Is.EquivalentTo(WireNames.All<IssueStatus>()), "a status the server knows is not completed, or one it does not is");
        Assert.That(CompletionValues.Sorts, Is.EquivalentTo(WireNames.All<IssueSort>()), "the sorts differ from the server's");
        Assert.That(CompletionValues.DataModes, Is.EquivalentTo(WireNames.All<DataMode>()), "the data modes differ from the server's");
        Assert.That(CompletionValues.Claims, Is.EquivalentTo(WireNames.All<ClaimFilter>()), "the claim filters differ from the server's");
        Assert.That(CompletionValues.Roles, Is.EquivalentTo(WireNames.All<TeamRole>()), "the roles differ from the server's");
        Assert.That(CompletionValues.KeyTypes, Is.EquivalentTo(WireNames.All<ApiKeyType>()), "the key types differ from the server's");
        Assert.That(CompletionValues.Permissions, Is.EquivalentTo(ApiKeyPermissions.All), "the permissions differ from the server's");
    }

    [Test]
    public async Task Suggest_TheBuiltTool_AsDotnetSuggestRunsIt_PrintsTheStatuses()
    {
        using var folder = new TempFolder();
        using var cli = ChildProcess.Start(
            Path.Combine("cli", "owlmetry.dll"), ["[suggest:21]", "issues list --status "], folder.Path,
            new Dictionary<string, string?> { ["OWLMETRY_CONFIG_DIR"] = Path.Combine(folder.Path, "config") });

        var exit = await cli.WaitForExitAsync(s_commandTimeout, "owlmetry [suggest]");

        Assert.That(exit, Is.Zero, cli.Describe());
        Assert.That(cli.Lines.Where(l => l.Length > 0), Is.EqualTo(CompletionValues.Statuses.Order(StringComparer.Ordinal)), cli.Describe());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
