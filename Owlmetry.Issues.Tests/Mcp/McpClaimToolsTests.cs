using ModelContextProtocol.Client;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Mcp;

/// <summary>The work-lease tools through the real server and the SDK's client: claim (the next issue or a given one), renew, release, and parallel claimers.</summary>
public sealed class McpClaimToolsTests : HttpApiFixture
{
    [Test]
    public async Task ClaimNextIssue_TwentyConcurrentAgentsOverTenIssues_HandEachIssueOutOnce()
    {
        for (var i = 0; i < 10; i++)
        {
            await Team.SeedIssueAsync($"issue {i}");
        }

        var clients = new List<McpClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await McpClients.ConnectAsync(Team, await AgentKeyAsync()));
        }

        var answers = await Task.WhenAll(clients.Select(client => client.CallAsync("claim_next_issue", new() { ["project_id"] = Team.Project.Id.ToString() })));

        var claimed = answers.Where(a => !a.IsError).Select(a => a.Text.Split('\n')[1].Split(' ')[0]).ToList();
        Assert.That(claimed, Has.Count.EqualTo(10).And.Unique, string.Join("\n", answers.Select(a => a.Text)));
        Assert.That(answers.Where(a => a.IsError).Select(a => a.Text).ToList(), Has.Count.EqualTo(10).And.All.EqualTo("No unclaimed issue matches"));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Test]
    public async Task ClaimRenewRelease_AgentKey_ShowsHolderAndExpiry_AndOnlyTheHolderMayRelease()
    {
        var issue = await Team.SeedIssueAsync("Connection refused");
        await using var holder = await McpClients.ConnectAsync(Team, await AgentKeyAsync());
        await using var other = await McpClients.ConnectAsync(Team, await AgentKeyAsync());
        var ids = new Dictionary<string, object?> { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString() };
        var expiry = Factory.Clock.GetUtcNow().AddSeconds(120).UtcDateTime;

        var (claim, claimIsError) = await holder.CallAsync("claim_next_issue", new() { ["project_id"] = Team.Project.Id.ToString(), ["duration_seconds"] = 120 });
        var (refused, refusedIsError) = await other.CallAsync("release_issue", ids);
        var (renewed, renewedIsError) = await holder.CallAsync("renew_claim", new(ids) { ["duration_seconds"] = 600 });
        var (released, releasedIsError) = await holder.CallAsync("release_issue", ids);

        Assert.That(claimIsError, Is.False, claim);
        Assert.That(claim, Does.StartWith($"Claimed.\n{issue.Id} [new] \"Connection refused\"").And.Contain("| claimed by agent \"Agent key\" ("), claim);
        Assert.That(claim, Does.Contain($"until {expiry:yyyy-MM-dd'T'HH:mm:ss}Z"));
        Assert.That(refusedIsError, Is.True, refused);
        Assert.That(refused, Does.StartWith("Issue is claimed by agent 'Agent key' ("));
        Assert.That(renewedIsError, Is.False, renewed);
        Assert.That(renewed, Does.StartWith("Claim renewed.").And.Contain($"until {expiry.AddSeconds(480):yyyy-MM-dd'T'HH:mm:ss}Z"));
        Assert.That((releasedIsError, released.Contains("claimed by", StringComparison.Ordinal)), Is.EqualTo((false, false)), released);
    }

    [Test]
    public async Task ClaimIssue_AGivenFreeIssue_IsTaken_AnotherAgentIsRefusedNamingTheHolder_TheHolderExtendsIt()
    {
        var issue = await Team.SeedIssueAsync("Connection refused");
        await using var holder = await McpClients.ConnectAsync(Team, await AgentKeyAsync());
        await using var other = await McpClients.ConnectAsync(Team, await AgentKeyAsync());
        var ids = new Dictionary<string, object?> { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString() };
        var now = Factory.Clock.GetUtcNow().UtcDateTime;

        var (claim, claimIsError) = await holder.CallAsync("claim_issue", new(ids) { ["duration_seconds"] = 120 });
        var (refused, refusedIsError) = await other.CallAsync("claim_issue", ids);
        var (extended, extendedIsError) = await holder.CallAsync("claim_issue", new(ids) { ["duration_seconds"] = 600 });

        Assert.That(claimIsError, Is.False, claim);
        Assert.That(claim, Does.StartWith($"Claimed.\n{issue.Id} [new] \"Connection refused\"").And.Contain($"until {now.AddSeconds(120):yyyy-MM-dd'T'HH:mm:ss}Z"), claim);
        Assert.That(refusedIsError, Is.True, refused);
        Assert.That(refused, Does.StartWith("Issue is claimed by agent 'Agent key' ("));
        Assert.That(extendedIsError, Is.False, extended);
        Assert.That(extended, Does.Contain($"until {now.AddSeconds(600):yyyy-MM-dd'T'HH:mm:ss}Z"), extended);
    }

    [Test]
    public async Task ListIssues_ClaimMine_AfterARestart_ListsWhatTheAgentHolds_AnUnknownValueIsRefusedNamingTheValues()
    {
        var held = await Team.SeedIssueAsync("held");
        await Team.SeedIssueAsync("free");
        var key = await AgentKeyAsync();
        await using (var before = await McpClients.ConnectAsync(Team, key))
        {
            await before.CallAsync("claim_issue", new() { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = held.Id.ToString() });
        }

        await using var after = await McpClients.ConnectAsync(Team, key);
        var (project, projectIsError) = await after.CallAsync("list_issues", new() { ["project_id"] = Team.Project.Id.ToString(), ["claim"] = "mine" });
        var (team, teamIsError) = await after.CallAsync("list_issues", new() { ["claim"] = "mine" });
        var unknown = await after.CallAsync("list_issues", new() { ["claim"] = "me" });

        Assert.That(projectIsError, Is.False, project);
        Assert.That(project.Split('\n').Select(line => line.Split(' ')[1]), Is.EqualTo(new[] { held.Id.ToString() }), "the project list's claim mine");
        Assert.That(teamIsError, Is.False, team);
        Assert.That(team.Split('\n').Select(line => line.Split(' ')[1]), Is.EqualTo(new[] { held.Id.ToString() }), "the team list's claim mine");
        Assert.That(unknown, Is.EqualTo(("Invalid claim; valid values: mine, held, none", true)));
    }

    [Test]
    public async Task ClaimAndRenew_ReadOnlyKeyOrBadDuration_AreRefusedWithTheLibrarysMessage_ThePermissionFirst()
    {
        var issue = await Team.SeedIssueAsync();
        await using var readOnly = await McpClients.ConnectAsync(Team, await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));
        await using var agent = await McpClients.ConnectAsync(Team, await AgentKeyAsync());
        var ids = new Dictionary<string, object?> { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString() };

        var forbidden = await readOnly.CallAsync("claim_next_issue", new() { ["project_id"] = Team.Project.Id.ToString() });
        var tooLong = await agent.CallAsync("claim_next_issue", new() { ["project_id"] = Team.Project.Id.ToString(), ["duration_seconds"] = 100_000 });
        var renewForbidden = await readOnly.CallAsync("renew_claim", new(ids) { ["duration_seconds"] = 100_000 });
        var renewTooLong = await agent.CallAsync("renew_claim", new(ids) { ["duration_seconds"] = 100_000 });
        var claimIssueForbidden = await readOnly.CallAsync("claim_issue", new(ids) { ["duration_seconds"] = 100_000 });
        var claimIssueTooShort = await agent.CallAsync("claim_issue", new(ids) { ["duration_seconds"] = 29 });

        Assert.That(forbidden, Is.EqualTo(("Missing permission: issues:write", true)));
        Assert.That(tooLong, Is.EqualTo(("duration_seconds must be between 30 and 86400", true)));
        Assert.That(renewForbidden, Is.EqualTo(("Missing permission: issues:write", true)), "a read-only key learns first that it may not renew at all");
        Assert.That(renewTooLong, Is.EqualTo(("duration_seconds must be between 30 and 86400", true)));
        Assert.That(claimIssueForbidden, Is.EqualTo(("Missing permission: issues:write", true)));
        Assert.That(claimIssueTooShort, Is.EqualTo(("duration_seconds must be between 30 and 86400", true)));
    }

    private Task<string> AgentKeyAsync() => Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write);
}
