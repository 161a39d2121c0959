using System.Net;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The issue routes where the wire is the subject: the snake_case page, a body that is not JSON, an id that is not a UUID.</summary>
public sealed class IssuesHttpTests : HttpApiFixture
{
    [Test]
    public async Task ListProjectIssues_AsMember_ReturnsSnakeCasePage()
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["issues"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(issue.Id.ToString()));
        Assert.That(body["issues"]![0]!["app_name"]!.GetValue<string>(), Is.EqualTo(Team.App.Name));
        Assert.That(body["has_more"]!.GetValue<bool>(), Is.False);
    }

    [TestCase("1.5", 1)]
    [TestCase("2rows", 2)]
    [TestCase("many", 3)]
    [TestCase("", 3)]
    public async Task ListProjectIssues_LimitAsTheReferenceReadsIt_PagesByItsLeadingNumber(string limit, int expectedPageSize)
    {
        for (var i = 0; i < 3; i++)
        {
            await Team.SeedIssueAsync($"issue {i}");
        }

        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var body = JsonNode.Parse(await client.GetStringAsync($"/v1/projects/{Team.Project.Id}/issues?limit={limit}"))!;

        Assert.That(body["issues"]!.AsArray(), Has.Count.EqualTo(expectedPageSize), $"limit={limit}; the reference's parseInt, and 50 when no number");
    }

    [TestCase("/v1/projects/{project}/issues", "Crash in production, Crash in development")]
    [TestCase("/v1/projects/{project}/issues?is_dev=", "Crash in production")]
    [TestCase("/v1/projects/{project}/issues?data_mode=", "Crash in production")]
    [TestCase("/v1/projects/{project}/issues?is_dev=&data_mode=all", "Crash in production")]
    [TestCase("/v1/issues?data_mode=", "Crash in production")]
    [TestCase("/v1/issues?is_dev=&data_mode=all", "Crash in production, Crash in development")]
    [TestCase("/v1/issues?is_dev=true&data_mode=all", "Crash in development")]
    public async Task ListIssues_DevFilterSentEmpty_FiltersAsTheReferenceReadsIt(string path, string expectedTitles)
    {
        await Team.SeedIssueAsync("Crash in production");
        await Team.SeedIssueAsync("Crash in development", o => o.IsDev = true);
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var body = JsonNode.Parse(await client.GetStringAsync(Fill(path)))!;

        var titles = body["issues"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).Order().Reverse();
        Assert.That(string.Join(", ", titles), Is.EqualTo(expectedTitles),
            "the project list: absent is every issue, empty the production filter; the team list: no is_dev in the reference");
    }

    [TestCase("PATCH", "/v1/projects/{project}/issues/{issue}", "{\"status\":\"zz\"}", "issues:write")]
    [TestCase("PATCH", "/v1/projects/{project}/issues/{issue}", "{}", "issues:write")]
    [TestCase("POST", "/v1/projects/{project}/issues/{issue}/merge", "{}", "issues:write")]
    [TestCase("POST", "/v1/projects/{project}/issues/claim", "{\"sort\":\"zz\"}", "issues:write")]
    [TestCase("PATCH", "/v1/projects/{project}/issues/{issue}/comments/{issue}", "{}", "issues:write")]
    [TestCase("GET", "/v1/projects/{project}/issues?status=zz", null, "issues:read")]
    [TestCase("GET", "/v1/projects/{project}/issues/counts?data_mode=zz", null, "issues:read")]
    [TestCase("GET", "/v1/issues?team_id=zz", null, "issues:read")]
    [TestCase("GET", "/v1/issues/daily-counts?ids=zz", null, "issues:read")]
    [TestCase("GET", "/v1/events?order=zz", null, "events:read")]
    [TestCase("GET", "/v1/attachments?project_id=zz", null, "events:read")]
    public async Task Request_KeyWithoutTheRoutesPermission_Is403BeforeItsInputIsRead(string method, string path, string? json, string permission)
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, "projects:read"));

        using var response = await SendAsync(client, method, path.Replace("{issue}", $"{issue.Id}", StringComparison.Ordinal), json);

        Assert.That((response.StatusCode, await response.ErrorAsync()), Is.EqualTo((HttpStatusCode.Forbidden, $"Missing permission: {permission}")),
            "the reference's requirePermission answers before the handler reads the query or body");
    }

    [Test]
    public async Task UpdateIssue_MalformedJson_Is400WithError()
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PatchAsync(
            $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}", new StringContent("{\"status\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorOf(response), Does.StartWith("Invalid JSON"));
    }

    [Test]
    public async Task GetIssue_MalformedIssueId_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/not-a-uuid");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ErrorOf(response), Is.Not.Empty);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"]?.GetValue<string>();
}
