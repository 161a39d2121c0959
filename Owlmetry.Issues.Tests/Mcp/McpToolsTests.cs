using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Mcp;

/// <summary>
/// The MCP endpoint through the real server and the SDK's client: the tools are listed with descriptions, and each
/// answers as the HTTP API would decide (the same permissions, the lifecycle's refusals, another team's project not found).
/// </summary>
public sealed class McpToolsTests : HttpApiFixture
{
    private static readonly string[] s_tools =
        [
            "add_comment", "change_issue_status", "claim_next_issue", "delete_comment", "edit_comment", "get_issue", "list_issues", "merge_issues",
            "release_issue", "renew_claim",
        ];

    private CapturingLoggerProvider _logs = null!;
    private string _agentKey = null!;

    private protected override OwlmetryServerFactory CreateServer() => new() { Logs = _logs = new CapturingLoggerProvider() };

    [SetUp]
    public async Task CreateAgentKeyAsync() =>
        _agentKey = await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write);

    [Test]
    public async Task ListTools_AgentKey_ListsTheIssueToolsEachWithADescription()
    {
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var tools = await client.ListToolsAsync();

        Assert.That(tools.Select(t => t.Name).Order(StringComparer.Ordinal), Is.EqualTo(s_tools), "the MCP endpoint's tool list");
        foreach (var tool in tools)
        {
            Assert.That(tool.Description, Has.Length.GreaterThan(60), $"{tool.Name} needs a description a model can choose it by");
        }
    }

    [Test]
    public async Task ListIssues_AgentKey_ListsOneLinePerIssueAndPagesWithTheNextCursor()
    {
        var older = await Team.SeedIssueAsync("Timeout talking to payments");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Team.SeedIssueAsync("Connection refused", o => o.Occurrences = 3);
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var (first, firstIsError) = await client.CallAsync("list_issues", new() { ["project_id"] = Team.Project.Id.ToString(), ["limit"] = 1 });

        Assert.That(firstIsError, Is.False, first);
        var lines = first.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2), $"one issue line and the next cursor line: {first}");
        Assert.That(lines[0], Does.StartWith($"- {newer.Id} [new] \"Connection refused\" | 3 occurrences, 3 users | last seen "), "the most recently seen issue, compact");
        Assert.That(lines[0], Does.Not.Contain("resolved in").And.Not.Contain("dev"), $"fields without a value are left out: {lines[0]}");
        Assert.That(lines[1], Does.StartWith("next cursor: "), "a page with more after it ends with its cursor");

        var (second, _) = await client.CallAsync(
            "list_issues", new() { ["project_id"] = Team.Project.Id.ToString(), ["limit"] = 1, ["cursor"] = lines[1]["next cursor: ".Length..] });

        Assert.That(second, Does.StartWith($"- {older.Id} [new] \"Timeout talking to payments\""), "the cursor's page is the next issue");
        Assert.That(second, Does.Not.Contain("next cursor"), "the last page has no cursor");
    }

    [Test]
    public async Task ListIssues_WithoutProject_ListsTheTeamsIssuesNamingTheirProject()
    {
        var issue = await Team.SeedIssueAsync();
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var (text, isError) = await client.CallAsync("list_issues", new());

        Assert.That(isError, Is.False, text);
        Assert.That(text, Does.Contain($"{issue.Id} [new]").And.Contain($"project \"{Team.Project.Name}\" {Team.Project.Id}"), "a team-wide line names its project and id");
    }

    [Test]
    public async Task ListIssues_ProjectWithEmptyDataMode_ListsDevelopmentAndProductionAsWhenLeftOut()
    {
        var production = await Team.SeedIssueAsync("Crash in production");
        var development = await Team.SeedIssueAsync("Crash in development", o => o.IsDev = true);
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var (text, isError) = await client.CallAsync("list_issues", new() { ["project_id"] = Team.Project.Id.ToString(), ["data_mode"] = "" });

        Assert.That(isError, Is.False, text);
        Assert.That(text, Does.Contain($"{production.Id} [new]").And.Contain($"{development.Id} [new]"), "a model's empty argument is a left-out one");
    }

    [Test]
    public async Task ListIssues_InvalidSort_IsAnErrorNamingTheValidValues()
    {
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var (text, isError) = await client.CallAsync("list_issues", new() { ["project_id"] = Team.Project.Id.ToString(), ["sort"] = "newest" });

        Assert.That(isError, Is.True, "a bad sort is a tool error");
        Assert.That(text, Is.EqualTo("Invalid sort; valid values: last_seen, last_activity, first_seen, occurrences, users"), "the API's own message");
    }

    [Test]
    public async Task GetIssue_AgentKey_ShowsTheIssueItsOccurrencesAndItsComments()
    {
        var issue = await Team.SeedIssueAsync(configure: o => o.Occurrences = 3);
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);
        await client.CallAsync("add_comment", new() { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString(), ["body"] = "Looks like the pool size." });

        var (text, isError) = await client.CallAsync(
            "get_issue", new() { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString(), ["occurrence_limit"] = 2 });

        Assert.That(isError, Is.False, text);
        Assert.That(text, Does.StartWith($"Issue {issue.Id} [new] \"Connection refused\""), "the header line");
        Assert.That(text, Does.Contain("Occurrences (newest first, 2 shown):").And.Contain("user \"user-0\"").And.Contain("app \"1.0.0\""), $"the occurrence page: {text}");
        Assert.That(text, Does.Contain("next occurrence_cursor: "), "the third occurrence is on the next page");
        Assert.That(text, Does.Contain("Comments (1, oldest first):").And.Contain("(agent)").And.Contain(": Looks like the pool size."), $"the comment: {text}");
        Assert.That(text, Does.Not.Contain("resolved in").And.Not.Contain("source module").And.Not.Contain("Attachments"), $"empty fields are left out: {text}");
    }

    [Test]
    public async Task ChangeIssueStatus_ResolveThenARefusedTransition_AnswersWithTheLifecycleMessage()
    {
        var issue = await Team.SeedIssueAsync();
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);
        var ids = new Dictionary<string, object?> { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString() };

        var (noVersion, noVersionIsError) = await client.CallAsync("change_issue_status", new(ids) { ["status"] = "resolved" });
        var (resolved, resolvedIsError) = await client.CallAsync("change_issue_status", new(ids) { ["status"] = "resolved", ["resolved_at_version"] = "2.0.0" });
        var (refused, refusedIsError) = await client.CallAsync("change_issue_status", new(ids) { ["status"] = "in_progress" });

        Assert.That((noVersionIsError, noVersion), Is.EqualTo((true, "resolved_at_version is required when resolving an issue. Use status='silenced' if you don't want auto-regression.")), "resolving needs a version");
        Assert.That(resolvedIsError, Is.False, resolved);
        Assert.That(resolved, Does.Contain($"{issue.Id} [resolved]").And.Contain("resolved in \"2.0.0\""), "the answer is the issue's new line");
        Assert.That((refusedIsError, refused), Is.EqualTo((true, "Cannot transition from 'resolved' to 'in_progress'")), "the lifecycle's refusal");
        var stored = await Factory.IssueStore.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored!.Status, Is.EqualTo(IssueStatus.Resolved), "the refused transition left the issue resolved");
    }

    [Test]
    public async Task MergeIssues_AgentKey_MovesTheSourceIntoTheTargetAndDeletesIt()
    {
        var target = await Team.SeedIssueAsync("Connection refused", o => o.Occurrences = 2);
        var source = await Team.SeedIssueAsync("Connection refused (port 5432)", o => o.Occurrences = 1);
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var (text, isError) = await client.CallAsync("merge_issues", new()
        {
            ["project_id"] = Team.Project.Id.ToString(), ["target_issue_id"] = target.Id.ToString(), ["source_issue_id"] = source.Id.ToString(),
        });

        Assert.That(isError, Is.False, text);
        Assert.That(text, Does.StartWith($"Merged {source.Id} into {target.Id}.").And.Contain("3 occurrences"), "the target's new line counts the source's occurrences");
        Assert.That(await Factory.IssueStore.ReadAsync(r => r.FindIssueAsync(source.Id)), Is.Null, "the source issue is deleted");
    }

    [Test]
    public async Task AddEditDeleteComment_AgentKey_WritesAsTheAgentAndOnlyTheAuthorMayEdit()
    {
        var issue = await Team.SeedIssueAsync();
        await using var agent = await McpClients.ConnectAsync(Team, _agentKey);
        await using var member = await McpClients.ConnectAsync(Team, Team.Token(TeamRole.Member));
        await using var owner = await McpClients.ConnectAsync(Team, Team.Token(TeamRole.Owner));
        var ids = new Dictionary<string, object?> { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString() };

        var (added, addedIsError) = await agent.CallAsync("add_comment", new(ids) { ["body"] = "Retrying fixes it." });
        Assert.That(addedIsError, Is.False, added);
        Assert.That(added, Does.StartWith("Comment added.\n").And.Contain("by \"Agent key\" (agent)").And.EndWith(": Retrying fixes it."), "the comment line");
        var commentId = added.Split('\n')[1].Split(' ')[0];

        var (edit, editIsError) = await member.CallAsync("edit_comment", new(ids) { ["comment_id"] = commentId, ["body"] = "Mine now." });
        Assert.That((editIsError, edit), Is.EqualTo((true, "Only the original author can edit this comment")), "a member may not edit the agent's comment");

        var (deleted, deletedIsError) = await owner.CallAsync("delete_comment", new(ids) { ["comment_id"] = commentId });
        Assert.That((deletedIsError, deleted), Is.EqualTo((false, $"Comment {commentId} deleted.")), "an owner may delete any comment of the team");
    }

    [Test]
    public async Task Tools_ClientKeyOrReadOnlyKey_AreRefusedWithThePermissionNamed()
    {
        var issue = await Team.SeedIssueAsync();
        await using var clientKey = await McpClients.ConnectAsync(Team, await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        await using var readOnly = await McpClients.ConnectAsync(Team, await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));
        var ids = new Dictionary<string, object?> { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = issue.Id.ToString() };

        var list = await clientKey.CallAsync("list_issues", new() { ["project_id"] = Team.Project.Id.ToString() });
        var resolve = await readOnly.CallAsync("change_issue_status", new(ids) { ["status"] = "silenced" });
        var comment = await readOnly.CallAsync("add_comment", new(ids) { ["body"] = "x" });

        Assert.That(list, Is.EqualTo(("Missing permission: issues:read", true)), "a client key cannot read issues");
        Assert.That(resolve, Is.EqualTo(("Missing permission: issues:write", true)), "a read-only key cannot change a status");
        Assert.That(comment, Is.EqualTo(("Missing permission: issues:write", true)), "a read-only key cannot comment");
        var stored = await Factory.IssueStore.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored!.Status, Is.EqualTo(IssueStatus.New), "the refused change changed nothing");
    }

    [Test]
    public async Task GetIssue_AnotherTeamsProject_IsNotFound()
    {
        var other = await CreateOtherTeamAsync();
        var theirs = await other.SeedIssueAsync();
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var get = await client.CallAsync("get_issue", new() { ["project_id"] = other.Project.Id.ToString(), ["issue_id"] = theirs.Id.ToString() });
        var list = await client.CallAsync("list_issues", new() { ["project_id"] = other.Project.Id.ToString() });
        var team = await client.CallAsync("list_issues", new() { ["team_id"] = other.Team.Id.ToString() });

        Assert.That(get, Is.EqualTo(("Project not found", true)), "another team's issue is not found");
        Assert.That(list, Is.EqualTo(("Project not found", true)), "another team's project is not found");
        Assert.That(team, Is.EqualTo(("No issues.", false)), "another team's id narrows the caller's own list to nothing");
    }

    [Test]
    public async Task GetIssue_MalformedId_IsAnErrorNamingTheArgument()
    {
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var result = await client.CallAsync("get_issue", new() { ["project_id"] = Team.Project.Id.ToString(), ["issue_id"] = "not-a-uuid" });

        Assert.That(result, Is.EqualTo(("issue_id must be a UUID", true)), "a malformed id names the argument");
    }

    [TestCase("list_issues", """{"project_id":"{project}","limit":"ten"}""", "limit must be an integer", TestName = "{m}_StringForAnInteger")]
    [TestCase("list_issues", """{"limit":1.5}""", "limit must be an integer", TestName = "{m}_Fraction")]
    [TestCase("list_issues", """{"limit":99999999999}""", "limit is out of range", TestName = "{m}_IntegerBeyondItsType")]
    [TestCase("list_issues", """{"project_id":42}""", "project_id must be a string", TestName = "{m}_NumberForAString")]
    [TestCase("list_issues", """{"status":["new"]}""", "status must be a string", TestName = "{m}_ArrayForAString")]
    [TestCase("get_issue", """{"project_id":"{project}"}""", "issue_id is required", TestName = "{m}_RequiredLeftOut")]
    [TestCase("merge_issues", """{}""", "project_id is required", TestName = "{m}_NoArguments_NamesTheFirst")]
    [TestCase("add_comment", """{"project_id":"{project}","issue_id":"{project}","body":null}""", "body must be a string", TestName = "{m}_NullForARequiredString")]
    [TestCase("renew_claim", """{"project_id":"{project}","issue_id":"{project}","duration_seconds":true}""", "duration_seconds must be an integer", TestName = "{m}_BooleanForAnInteger")]
    public async Task Call_ArgumentMissingOrOfTheWrongType_IsAToolErrorNamingIt(string tool, string arguments, string expected)
    {
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var result = await client.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(Fill(arguments))!);

        Assert.That(result, Is.EqualTo((expected, true)), "the SDK's binder would answer only 'An error occurred invoking'");
        var errors = _logs.Logs.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message}");
        Assert.That(errors, Is.Empty, "an argument the model got wrong is not a server error");
    }

    [Test]
    public async Task Call_OptionalArgumentsAsNull_AreAsIfLeftOut()
    {
        await using var client = await McpClients.ConnectAsync(Team, _agentKey);

        var result = await client.CallAsync("list_issues", new() { ["project_id"] = Team.Project.Id.ToString(), ["limit"] = null, ["status"] = null });

        Assert.That(result, Is.EqualTo(("No issues.", false)), "null is what the schema's default gives");
    }

    [TestCase(null)]
    [TestCase("owl_agent_000000000000000000000000000000000000000000000000")]
    public async Task Post_WithoutValidCredentials_Is401(string? bearer)
    {
        using var http = Team.ClientWith(bearer);
        using var request = McpClients.Post(new StringContent(
            """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"));

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Post_ContentTypeThatDoesNotParse_Is415WithTheApiProblem()
    {
        // Found by the fuzz suite: the SDK refuses a content type it can read with its own 415, but this one reached its
        // JSON reader, whose exception was a 500.
        const string contentType = ";;==";
        using var http = Team.ClientWith(_agentKey);
        using var request = McpClients.Post(new ByteArrayContent(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""")));
        request.Content!.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body);
        Assert.That(body, Does.Contain("\"error\":\"The body must be JSON: send Content-Type application/json\""), "the API's problem body");
    }

    [TestCase("""{}""", TestName = "{m}_NoMembers")]
    [TestCase("""{"protocolVersion":"2025-06-18","capabilities":{}}""", TestName = "{m}_NoClientInfo")]
    [TestCase("""{"protocolVersion":123,"capabilities":[],"clientInfo":null}""", TestName = "{m}_MembersOfTheWrongType")]
    public async Task Post_InitializeWithParamsOfTheWrongShape_Is400WithTheApiProblem(string parameters)
    {
        // Found by fuzzing the server: the SDK throws for such params before it answers, which was a 500.
        using var http = Team.ClientWith(_agentKey);
        using var request = McpClients.Post(new StringContent(
            $$"""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{parameters}}}""", Encoding.UTF8, "application/json"));

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Does.StartWith("Invalid JSON body"));
    }

    [Test]
    public void Connect_WithoutCredentials_IsRefused()
    {
        Assert.That(async () => await (await McpClients.ConnectAsync(Team, null)).DisposeAsync(), Throws.Exception, "the client cannot connect without credentials");
    }
}
