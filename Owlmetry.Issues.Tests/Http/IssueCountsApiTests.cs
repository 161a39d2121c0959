using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The routes added for the stream's status tabs and charts: <c>GET …/projects/:projectId/issues/counts</c>,
/// <c>GET /v1/issues/counts</c> and <c>GET /v1/issues/daily-counts?ids=</c>. Additive: no existing response changes.
/// </summary>
public sealed class IssueCountsApiTests : HttpApiFixture
{
    [Test]
    public async Task ProjectCounts_AfterAStatusChange_MoveFromOneStatusToTheOther()
    {
        var issue = await Team.SeedIssueAsync();
        await Team.SeedIssueAsync("Dev only", o => o.IsDev = true);
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));
        var path = $"/v1/projects/{Team.Project.Id}/issues";

        var before = await (await client.GetAsync($"{path}/counts?data_mode=production")).JsonAsync();
        await client.PatchAsJsonAsync($"{path}/{issue.Id}", new { status = "silenced" });
        var after = await (await client.GetAsync($"{path}/counts?data_mode=production")).JsonAsync();
        var all = await (await client.GetAsync($"{path}/counts")).JsonAsync();

        Assert.That((Count(before, "new"), Count(before, "silenced"), before["total"]!.GetValue<int>()), Is.EqualTo((1, 0, 1)));
        Assert.That((Count(after, "new"), Count(after, "silenced"), after["total"]!.GetValue<int>()), Is.EqualTo((0, 1, 1)));
        Assert.That(all["total"]!.GetValue<int>(), Is.EqualTo(2), "a project's counts take every issue without a data mode, as its list does");
    }

    [Test]
    public async Task TeamCounts_OtherTeamsIssues_AreNotCounted()
    {
        await Team.SeedIssueAsync();
        var other = await HttpTeam.CreateAsync(Factory, "Other");
        await other.SeedIssueAsync("Theirs");
        await other.SeedIssueAsync("Theirs too");
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var mine = await (await client.GetAsync("/v1/issues/counts")).JsonAsync();
        var theirs = await (await client.GetAsync($"/v1/issues/counts?team_id={other.Team.Id}")).JsonAsync();

        Assert.That(mine["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(theirs["total"]!.GetValue<int>(), Is.Zero, "a team the caller is not in counts nothing, as its list lists nothing");
    }

    [TestCase("/v1/projects/{project}/issues/counts?data_mode=everything", "Invalid data_mode")]
    [TestCase("/v1/issues/counts?is_dev=maybe", "Invalid is_dev")]
    [TestCase("/v1/issues/counts?app_id=nope", "app_id must be a UUID")]
    [TestCase("/v1/issues/daily-counts", "ids is required")]
    [TestCase("/v1/issues/daily-counts?ids=,,", "ids is required")]
    [TestCase("/v1/issues/daily-counts?ids=123", "ids must be UUIDs")]
    public async Task Counts_BadQuery_Is400WithAnError(string path, string error)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync(path.Replace("{project}", Team.Project.Id.ToString(), StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith(error));
    }

    [Test]
    public async Task ProjectCounts_AnotherTeamsProject_Is404()
    {
        var other = await HttpTeam.CreateAsync(Factory, "Other");
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{other.Project.Id}/issues/counts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Project not found"));
    }

    [TestCase("/v1/issues/counts")]
    [TestCase("/v1/issues/daily-counts?ids=00000000-0000-0000-0000-000000000001")]
    public async Task Counts_ClientKey_Is403(string path)
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(Host.Directory.ApiKeyType.Client, "events:write"));

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: issues:read"));
    }

    [Test]
    public async Task DailyCounts_IssuesOfTwoTeams_GivesOnlyTheCallersWithFourteenDays()
    {
        var mine = await Team.SeedIssueAsync(configure: o => o.Occurrences = 3);
        var other = await HttpTeam.CreateAsync(Factory, "Other");
        var theirs = await other.SeedIssueAsync(configure: o => o.Occurrences = 2);
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/issues/daily-counts?ids={theirs.Id},{mine.Id}");
        var body = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var issues = body["issues"]!.AsArray();
        Assert.That(issues.Select(i => i!.Text("issue_id")), Is.EqualTo(new[] { mine.Id.ToString() }));
        var days = issues[0]!["daily_counts"]!.AsArray();
        Assert.That(days, Has.Count.EqualTo(14));
        Assert.That(days.Sum(d => d!["count"]!.GetValue<int>()), Is.EqualTo(3));
    }

    [Test]
    public async Task DailyCounts_MoreThanTwoHundredIds_Is400()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/issues/daily-counts?ids={string.Join(',', Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()))}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("ids names 201 issues: at most 200"));
    }

    private static int Count(System.Text.Json.Nodes.JsonNode body, string status) => body["statuses"]![status]!.GetValue<int>();
}
