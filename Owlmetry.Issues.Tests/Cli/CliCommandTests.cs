using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Cli.Commands;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>The owlmetry commands run in-process against the test server: their output and their exit codes.</summary>
public sealed class CliCommandTests : CliApiFixture
{
    private static readonly string[][] s_commands =
    [
        [], ["login"], ["whoami"], ["issues"], ["issues", "list"], ["issues", "show"], ["issues", "resolve"], ["issues", "snooze"],
        ["issues", "silence"], ["issues", "reopen"], ["issues", "start"], ["issues", "merge"], ["issues", "claim"], ["issues", "release"],
        ["comments"], ["comments", "list"], ["comments", "add"], ["comments", "edit"], ["comments", "delete"], ["projects"], ["apps"],
        ["keys"], ["keys", "list"], ["keys", "create"], ["keys", "revoke"], ["members"], ["members", "add"], ["members", "remove"],
        ["users"], ["users", "reset-password"], ["users", "change-password"], ["ingest"], ["scan"],
    ];

    [TestCaseSource(nameof(s_commands))]
    public async Task Help_EveryCommand_ExitsZeroWithAnExample(string[] command)
    {
        var run = await RunAsync([.. command, "--help"]);

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("Example:").And.Contain("owlmetry"));
    }

    [Test]
    public async Task Login_SavesTheProfileInAnOwnerOnlyFile_AndWhoAmIUsesIt()
    {
        await LoginAsync(Team.Token(TeamRole.Owner));

        var whoami = await RunAsync("whoami");

        var file = Path.Combine(ConfigDirectory, "profiles.json");
        Assert.That(TempFolder.UnixModeOf(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(file), Does.Contain(Team.Project.Id.ToString()));
        Assert.That(whoami.Exit, Is.Zero, whoami.ToString());
        Assert.That(whoami.Out, Does.Contain(Team.Users[TeamRole.Owner].User.Name).And.Contain("(user)"));
    }

    [Test]
    public async Task Login_WrongKey_ExitsOneWithTheServersMessage_AndSavesNothing()
    {
        var run = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", "owl_agent_not-a-key");

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain("(401)"));
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False);
    }

    [Test]
    public async Task Login_ProjectThatDoesNotExistOrIsAnotherTeams_ExitsTwoNamingItAndSavesNothing()
    {
        var otherTeam = await CreateOtherTeamAsync();
        var unknown = Guid.NewGuid();
        var token = Team.Token(TeamRole.Owner);

        var missing = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", token, "--project", unknown.ToString());
        var others = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", token, "--project", otherTeam.Project.Id.ToString());

        Assert.That((missing.Exit, missing.Error), Is.EqualTo((2, $"error: --project {unknown} cannot be used with this credential: Project not found (404); no profile was saved.\n")));
        Assert.That((others.Exit, others.Error), Is.EqualTo((2, $"error: --project {otherTeam.Project.Id} cannot be used with this credential: Project not found (404); no profile was saved.\n")));
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False);
    }

    [Test]
    public async Task Login_TeamTheCredentialIsNotIn_ExitsTwoNamingItsTeamsAndSavesNothing()
    {
        var otherTeam = await CreateOtherTeamAsync();
        var key = await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read);

        var user = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", Team.Token(TeamRole.Owner), "--team", otherTeam.Team.Id.ToString());
        var agent = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", key, "--team", otherTeam.Team.Id.ToString());

        var refusal = $"--team {otherTeam.Team.Id} is not a team of this credential (its teams: {Team.Team.Id}); no profile was saved.";
        Assert.That((user.Exit, user.Error), Is.EqualTo((2, $"error: {refusal}\n")), "a user's login");
        Assert.That((agent.Exit, agent.Error), Is.EqualTo((2, $"error: {refusal}\n")), "an agent key's login");
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False);
    }

    [Test]
    public async Task Login_OwnTeam_IsSaved()
    {
        var run = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", Team.Token(TeamRole.Member), "--team", Team.Team.Id.ToString());

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(File.ReadAllText(Path.Combine(ConfigDirectory, "profiles.json")), Does.Contain(Team.Team.Id.ToString()));
    }

    [Test]
    public async Task Login_ProjectWhoseIssuesTheKeyMayNotRead_ExitsTwoNamingItAndSavesNothing()
    {
        var key = await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);

        var run = await RunAsync("login", "--server", Factory.Server.BaseAddress.ToString(), "--token", key, "--project", Team.Project.Id.ToString());

        Assert.That((run.Exit, run.Error), Is.EqualTo((2, $"error: --project {Team.Project.Id} cannot be used with this credential: Missing permission: issues:read (403); no profile was saved.\n")));
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False);
    }

    [Test]
    public async Task Login_WithEmailAndPasswordOnStdin_SavesAUserToken()
    {
        var owner = Team.Users[TeamRole.Owner].User;

        var run = await RunAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--email", owner.Email], "correct horse battery staple\n");
        var projects = await RunAsync("projects");

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(projects.Out, Does.Contain(Team.Project.Slug));
    }

    [Test]
    public async Task Login_TokenOnStdin_SavesItAndWhoAmIUsesIt()
    {
        var key = await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read);

        var run = await RunAsync(["login", "--server", Factory.Server.BaseAddress.ToString(), "--token-stdin"], key + "\n");
        var whoami = await RunAsync("whoami");

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(whoami.Out, Does.Contain("(api_key, agent key)"), whoami.ToString());
    }

    [TestCase("", "error: No token on standard input.", TestName = "{m}_NothingOnStdin")]
    [TestCase("owl_agent_x\n", "error: Pass --token KEY or --token-stdin, not both.", TestName = "{m}_AndTokenToo")]
    public async Task Login_TokenStdinWithoutOneToRead_ExitsTwoAndSavesNothing(string input, string expected)
    {
        string[] args = input.Length == 0
            ? ["login", "--server", Factory.Server.BaseAddress.ToString(), "--token-stdin"]
            : ["login", "--server", Factory.Server.BaseAddress.ToString(), "--token-stdin", "--token", "owl_agent_y"];

        var run = await RunAsync(args, input);

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith(expected));
        Assert.That(File.Exists(Path.Combine(ConfigDirectory, "profiles.json")), Is.False);
    }

    [Test]
    public async Task AnyCommand_WithoutProfile_ExitsTwo()
    {
        var run = await RunAsync("issues", "list");

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("No profile 'default'"));
    }

    [Test]
    public async Task UnknownCommandOrMissingArgument_ExitsTwo()
    {
        var unknown = await RunAsync("issues", "frobnicate");
        var missing = await RunAsync("issues", "show");
        var notAnId = await RunAsync("issues", "show", "not-a-uuid");

        Assert.That(new[] { unknown.Exit, missing.Exit, notAnId.Exit }, Is.All.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("frobnicate").And.Contain("Run 'owlmetry issues --help' for usage."));
    }

    [Test]
    public async Task UnknownTopCommand_ExitsTwoPointingAtTheToolsHelp()
    {
        var run = await RunAsync("frobnicate");

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("Unrecognized command or argument 'frobnicate'").And.EndWith("Run 'owlmetry --help' for usage.\n"));
    }

    [Test]
    public async Task IssuesList_TableByDefault_JsonForScripts_LimitAcrossPages()
    {
        for (var i = 0; i < 5; i++)
        {
            await Team.SeedIssueAsync($"Crash number {i}");
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await LoginAsync(Team.Token(TeamRole.Member));

        var table = await RunAsync("issues", "list");
        var json = await RunAsync("issues", "list", "--json", "--limit", "3", "--sort", "first_seen");

        Assert.That(table.Exit, Is.Zero, table.ToString());
        var lines = table.Out.TrimEnd().Split('\n');
        Assert.That(lines[0], Does.StartWith("ID").And.Contain("STATUS").And.Contain("TITLE"));
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines[1], Does.Contain("Crash number 4").And.Contain("new"));
        var issues = JsonNode.Parse(json.Out)!.AsArray();
        Assert.That(issues.Select(i => i!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Crash number 4", "Crash number 3", "Crash number 2" }));
    }

    [Test]
    public async Task IssuesList_ClaimMine_ListsTheIssuesTheAgentHolds_OnTheProjectAndTheTeamList()
    {
        var held = await Team.SeedIssueAsync("held");
        await Team.SeedIssueAsync("free");
        var agent = await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write);
        await Team.ApiClientWith(agent).ClaimIssueAsync(Team.Project.Id, held.Id);
        await LoginAsync(agent);

        var project = await RunAsync("issues", "list", "--claim", "mine", "--json");
        var team = await RunAsync("issues", "list", "--team", Team.Team.Id.ToString(), "--claim", "mine", "--json");

        Assert.That(JsonNode.Parse(project.Out)!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { held.Id }), project.ToString());
        Assert.That(JsonNode.Parse(team.Out)!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { held.Id }), team.ToString());
    }

    [Test]
    public async Task IssuesList_BadSort_ExitsOneWithTheServersMessage()
    {
        await LoginAsync(Team.Token(TeamRole.Member));

        var run = await RunAsync("issues", "list", "--sort", "loudest");

        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: Invalid sort; valid values:").And.Contain("(400)"));
    }

    [Test]
    public async Task IssuesResolveSilenceSnoozeReopen_ChangeTheStatus()
    {
        var issue = (await Team.SeedIssueAsync()).Id.ToString();
        await LoginAsync(Team.Token(TeamRole.Member));

        var resolved = await RunAsync("issues", "resolve", issue, "--version", "2.4.1");
        var reopened = await RunAsync("issues", "reopen", issue);
        var silenced = await RunAsync("issues", "silence", issue);
        var snoozed = await RunAsync("issues", "snooze", issue, "--json");

        Assert.That(new[] { resolved.Exit, reopened.Exit, silenced.Exit, snoozed.Exit }, Is.All.Zero, resolved + reopened.ToString() + silenced + snoozed);
        Assert.That(resolved.Out, Is.EqualTo($"Issue {issue} is now resolved (fixed in 2.4.1)\n"));
        Assert.That(reopened.Out, Does.Contain("is now new"));
        Assert.That(silenced.Out, Does.Contain("is now silenced"));
        Assert.That(JsonNode.Parse(snoozed.Out)!["status"]!.GetValue<string>(), Is.EqualTo("snoozed"));
    }

    [Test]
    public async Task IssuesResolve_WithoutVersion_ExitsTwo()
    {
        var issue = (await Team.SeedIssueAsync()).Id.ToString();
        await LoginAsync(Team.Token(TeamRole.Member));

        var run = await RunAsync("issues", "resolve", issue);

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("--version"));
    }

    [Test]
    public async Task IssuesShow_UnknownIssue_ExitsOneWithIssueNotFound()
    {
        await LoginAsync(Team.Token(TeamRole.Member));

        var run = await RunAsync("issues", "show", Guid.NewGuid().ToString());

        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Is.EqualTo("error: Issue not found (404)\n"));
    }

    [Test]
    public async Task IssuesShow_PrintsOccurrencesAndComments()
    {
        var issue = await Team.SeedIssueAsync("Disk full", o => o.Occurrences = 2);
        await LoginAsync(Team.Token(TeamRole.Member));
        await RunAsync("comments", "add", issue.Id.ToString(), "Cleaned /tmp");

        var run = await RunAsync("issues", "show", issue.Id.ToString());

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.StartWith("Disk full\n").And.Contain("Occurrences (2):").And.Contain("Cleaned /tmp"));
    }

    [Test]
    public async Task IssuesSilence_ReadOnlyKey_ExitsOneWithMissingPermission()
    {
        var issue = (await Team.SeedIssueAsync()).Id.ToString();
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));

        var run = await RunAsync("issues", "silence", issue);

        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Is.EqualTo("error: Missing permission: issues:write (403)\n"));
    }

    [Test]
    public async Task IssuesMerge_AndClaimRelease()
    {
        var target = await Team.SeedIssueAsync("target");
        var source = await Team.SeedIssueAsync("source");
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));

        var merged = await RunAsync("issues", "merge", target.Id.ToString(), source.Id.ToString());
        var claimed = await RunAsync("issues", "claim", "--duration", "120");
        var nothingLeft = await RunAsync("issues", "claim");
        var released = await RunAsync("issues", "release", target.Id.ToString());

        Assert.That(merged.Out, Does.Contain("2 occurrences"), merged.ToString());
        Assert.That(claimed.Out, Does.StartWith($"Claimed {target.Id}"), claimed.ToString());
        Assert.That(nothingLeft.Exit, Is.EqualTo(1));
        Assert.That(nothingLeft.Error, Does.Contain("No unclaimed issue matches"));
        Assert.That(released.Exit, Is.Zero, released.ToString());
    }

    [Test]
    public async Task IssuesClaim_DataModeAndApp_ClaimOnlyMatchingIssues()
    {
        var production = await Team.SeedIssueAsync("production");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var development = await Team.SeedIssueAsync("development", o => o.IsDev = true);
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));

        var byDataMode = await RunAsync("issues", "claim", "--data-mode", "production");
        var otherApp = await RunAsync("issues", "claim", "--app", Guid.NewGuid().ToString());
        var byApp = await RunAsync("issues", "claim", "--app", Team.App.Id.ToString(), "--data-mode", "development");

        Assert.That(byDataMode.Out, Does.StartWith($"Claimed {production.Id}"), $"--data-mode production did not pass over the newer development issue: {byDataMode}");
        Assert.That((otherApp.Exit, otherApp.Error), Is.EqualTo((1, "error: No unclaimed issue matches (404)\n")), "--app of another app still claimed an issue");
        Assert.That(byApp.Out, Does.StartWith($"Claimed {development.Id}"), byApp.ToString());
    }

    [Test]
    public async Task IssuesClaimIssue_TakesAFreeIssue_ExtendsTheHoldersClaimFromNow_AnotherAgent_ExitsOneWithTheConflict()
    {
        var older = await Team.SeedIssueAsync("older");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Team.SeedIssueAsync("newer");
        var holder = await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write);
        await LoginAsync(holder);

        var taken = await RunAsync("issues", "claim", older.Id.ToString(), "--duration", "60");
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
        var byAnother = await RunAsync("issues", "claim", older.Id.ToString());
        await LoginAsync(holder);
        Factory.Clock.Advance(TimeSpan.FromSeconds(50));
        var extendedAt = Factory.Clock.GetUtcNow();
        var extended = await RunAsync("issues", "claim", older.Id.ToString(), "--duration", "1800");
        Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var stillHeld = await Team.ApiClientWith(holder).GetIssueAsync(Team.Project.Id, older.Id);

        Assert.That(taken.Out, Does.StartWith($"Claimed {older.Id} until "), $"the given issue was not the one claimed: {taken}");
        Assert.That(byAnother.Exit, Is.EqualTo(1), byAnother.ToString());
        Assert.That(byAnother.Error, Does.StartWith("error: Issue is claimed by agent 'Agent key'").And.EndWith("(409)\n"));
        Assert.That(extended.Out, Is.EqualTo($"Claimed {older.Id} until {IssueCommands.Time(extendedAt.AddMinutes(30))}: older\n"), extended.ToString());
        Assert.That(stillHeld.Claim?.HolderName, Is.EqualTo("Agent key"), "the extended claim lapsed at its first expiry");
    }

    [Test]
    public async Task IssuesClaimIssue_WithAFilterOfTheNextIssue_ExitsTwoNamingIt()
    {
        var issue = await Team.SeedIssueAsync();
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));

        var run = await RunAsync("issues", "claim", issue.Id.ToString(), "--sort", "occurrences");

        Assert.That((run.Exit, run.Error), Is.EqualTo((2, "error: --sort chooses the next issue to claim; it does not go with ISSUE.\n")), run.ToString());
        Assert.That((await Team.ApiClientWith(Team.Token(TeamRole.Owner)).GetIssueAsync(Team.Project.Id, issue.Id)).Claim, Is.Null, "the issue was claimed anyway");
    }

    [Test]
    public async Task Comments_AddListEditDelete()
    {
        var issue = (await Team.SeedIssueAsync()).Id.ToString();
        await LoginAsync(Team.Token(TeamRole.Member));

        var added = JsonNode.Parse((await RunAsync("comments", "add", issue, "first thought", "--json")).Out)!;
        var id = added["id"]!.GetValue<string>();
        var edited = await RunAsync("comments", "edit", issue, id, "second thought");
        var listed = await RunAsync("comments", "list", issue);
        var deleted = await RunAsync("comments", "delete", issue, id);
        var after = await RunAsync("comments", "list", issue);

        Assert.That(edited.Exit, Is.Zero, edited.ToString());
        Assert.That(listed.Out, Does.Contain("second thought").And.Not.Contain("first thought"));
        Assert.That(deleted.Out, Does.Contain($"Deleted comment {id}"));
        Assert.That(after.Out, Is.EqualTo("(none)\n"));
    }

    [Test]
    public async Task ProjectsAppsKeysAndMembers_AsOwner()
    {
        await LoginAsync(Team.Token(TeamRole.Owner));

        var projects = await RunAsync("projects");
        var apps = await RunAsync("apps", "--json");
        var created = await RunAsync("keys", "create", "--name", "triage-bot", "--permission", "issues:read", "--permission", "issues:write", "--json");
        var keyId = JsonNode.Parse(created.Out)!["id"]!.GetValue<string>();
        var listed = await RunAsync("keys", "list");
        var revoked = await RunAsync("keys", "revoke", keyId);
        var member = await RunAsync(["members", "add", "new@example.com", "--name", "New Person", "--role", "admin"], "a long enough password\n");

        Assert.That(projects.Out, Does.Contain(Team.Project.Id.ToString()).And.Contain(Team.Project.Name));
        Assert.That(JsonNode.Parse(apps.Out)!.AsArray().Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Team.App.Id.ToString() }));
        Assert.That(JsonNode.Parse(created.Out)!["secret"]!.GetValue<string>(), Does.StartWith("owl_agent_"));
        Assert.That(listed.Out, Does.Contain("triage-bot").And.Contain("issues:read,issues:write"));
        Assert.That(revoked.Exit, Is.Zero, revoked.ToString());
        Assert.That(member.Out, Is.EqualTo("New Person <new@example.com> has the admin role in the team\n"), member.ToString());
    }

    [Test]
    public async Task Ingest_FromAFile_ThenScan_TheEventsBecomeIssues()
    {
        var file = Path.Combine(ConfigDirectory, "events.json");
        await File.WriteAllTextAsync(file, $$"""
            {"events": [
              {"message": "Connection refused", "level": "error", "session_id": "{{Guid.NewGuid()}}", "app_version": "1.0"},
              {"message": "Connection refused", "level": "error", "session_id": "{{Guid.NewGuid()}}", "app_version": "1.0"}
            ]}
            """);
        var sdk = await RunAsync("login", "--profile", "sdk", "--server", Factory.Server.BaseAddress.ToString(), "--token",
            await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        await LoginAsync(Team.Token(TeamRole.Owner));

        var ingested = await RunAsync("ingest", "--file", file, "--profile", "sdk");
        var scan = await RunAsync("scan");
        var listed = await RunAsync("issues", "list", "--json");

        Assert.That(sdk.Exit, Is.Zero, sdk.ToString());
        Assert.That(ingested.Out, Is.EqualTo("2 accepted, 0 rejected\n"), ingested.ToString());
        Assert.That(scan.Out, Does.Contain("2 events, 1 new issues"), scan.ToString());
        var issue = JsonNode.Parse(listed.Out)!.AsArray().Single()!;
        Assert.That(issue["title"]!.GetValue<string>(), Is.EqualTo("Connection refused"));
        Assert.That(issue["occurrence_count"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Ingest_RefusedEvents_ExitsOneWithEachReasonOnceOnStandardError()
    {
        var file = Path.Combine(ConfigDirectory, "events.json");
        await File.WriteAllTextAsync(file, $$"""[{"message": "fine", "level": "error", "session_id": "{{Guid.NewGuid()}}"}, {"level": "error"}, {"message": "x", "level": "loud"}]""");
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite), withProject: false);

        var run = await RunAsync("ingest", "--file", file);

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Is.EqualTo("1 accepted, 2 rejected\n"), "the refusals printed on standard output too");
        Assert.That(run.Error, Is.EqualTo("error: events[1]: message is required\nerror: events[2]: level must be one of: info, debug, warn, error\n"),
            "each refusal once, named once");
    }

    [Test]
    public async Task Ingest_MissingFile_ExitsTwo()
    {
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite), withProject: false);

        var run = await RunAsync("ingest", "--file", Path.Combine(ConfigDirectory, "nope.json"));

        Assert.That(run.Exit, Is.EqualTo(2), run.ToString());
    }

    [Test]
    public async Task Scan_AsMember_ExitsOne()
    {
        await LoginAsync(Team.Token(TeamRole.Member));

        var run = await RunAsync("scan");

        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Is.EqualTo("error: Only a team owner or admin may do this (403)\n"));
    }
}
