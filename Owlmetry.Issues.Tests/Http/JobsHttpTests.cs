using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The job routes where the wire is the subject: 201 Created, a body without a valid job type, the run's members, the cursor and has_more of a page.</summary>
public sealed class JobsHttpTests : HttpApiFixture
{
    private HttpTeam _other = null!;

    [SetUp]
    public async Task SetUp() => _other = await CreateOtherTeamAsync();

    [Test]
    public async Task Trigger_AsAdmin_RunsScanAndAnswers201WithCompletedRun()
    {
        await ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).IngestErrorsAsync("Crash", "Crash", "Other crash");
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));

        var response = await admin.PostAsJsonAsync(TriggerPath(Team), new { job_type = "issue_scan" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job_run"]!;
        Assert.That(run["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(run["job_type"]!.GetValue<string>(), Is.EqualTo("issue_scan"));
        Assert.That(run["result"]!["events_processed"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(run["result"]!["issues_created"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(run["result"]!["occurrences_created"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(run["started_at"], Is.Not.Null);
        Assert.That(run["completed_at"], Is.Not.Null);
    }

    [Test]
    public async Task Trigger_AnotherTeamsEventsPending_TheRunCountsOnlyTheTeamsOwn()
    {
        await ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).IngestErrorsAsync("Crash", "Crash", "Other crash");
        await ClientFor(await _other.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).IngestErrorsAsync("Elsewhere");
        using var owner = _other.ClientWith(_other.Token(TeamRole.Owner));

        var response = await owner.PostAsJsonAsync(TriggerPath(_other), new { job_type = "issue_scan" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job_run"]!["result"]!;
        Assert.That(
            (result["events_processed"]!.GetValue<int>(), result["issues_created"]!.GetValue<int>(), result["occurrences_created"]!.GetValue<int>()),
            Is.EqualTo((1, 1, 1)),
            "the other team's run, which scanned this team's three events too");
    }

    [Test]
    public async Task Trigger_ByRole_AdminsAndJobKeysOnly()
    {
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        using var jobKey = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, "jobs:write"));
        using var readKey = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, "jobs:read"));
        using var outsider = _other.ClientWith(_other.Token(TeamRole.Owner));
        var body = new { job_type = "issue_scan" };

        var statuses = new[]
        {
            (await member.PostAsJsonAsync(TriggerPath(Team), body)).StatusCode,
            (await jobKey.PostAsJsonAsync(TriggerPath(Team), body)).StatusCode,
            (await readKey.PostAsJsonAsync(TriggerPath(Team), body)).StatusCode,
            (await outsider.PostAsJsonAsync(TriggerPath(Team), body)).StatusCode,
        };

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Forbidden, HttpStatusCode.NotFound }));
    }

    [TestCase("{}")]
    [TestCase("{\"job_type\":\"cleanup\"}")]
    public async Task Trigger_UnknownJobType_Is400ListingValidTypes(string json)
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.PostAsync(TriggerPath(Team), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("Invalid job_type; valid values: issue_scan"));
    }

    [Test]
    public async Task List_ALimit_PagesNewestFirstWithCursorAndHasMore()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));
        var triggered = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            triggered.Add((await ClientFor(Team.Token(TeamRole.Owner)).TriggerScanAsync(Team.Team.Id)).Id.ToString());
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await owner.GetJsonAsync($"/v1/teams/{Team.Team.Id}/jobs?limit=2");
        var second = await owner.GetJsonAsync($"/v1/teams/{Team.Team.Id}/jobs?limit=2&cursor={first.Text("cursor")}");

        Assert.That(first["job_runs"]!.AsArray().Select(r => r!.Text("id")), Is.EqualTo(new[] { triggered[2], triggered[1] }));
        Assert.That(first["has_more"]!.GetValue<bool>(), Is.True);
        Assert.That(second["job_runs"]!.AsArray().Select(r => r!.Text("id")), Is.EqualTo(new[] { triggered[0] }));
        Assert.That((second["has_more"]!.GetValue<bool>(), second["cursor"]), Is.EqualTo((false, (JsonNode?)null)));
    }

    [Test]
    public async Task Run_HasTheReferencesJobRunFields()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var run = (await (await owner.PostAsJsonAsync(TriggerPath(Team), new { job_type = "issue_scan" })).JsonAsync())["job_run"]!;

        Assert.That(run.MemberNames(), Is.EqualTo(new[]
        {
            "completed_at", "created_at", "error", "id", "job_type", "notify", "params", "progress", "project_id", "result", "started_at",
            "status", "team_id", "triggered_by",
        }));
        Assert.That((run.Text("triggered_by"), run.Text("team_id"), run.Text("created_at")), Is.EqualTo(("manual", Team.Team.Id.ToString(), run.Text("started_at"))));
        Assert.That(run["notify"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task List_MalformedCursor_Is400()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await owner.GetAsync($"/v1/teams/{Team.Team.Id}/jobs?cursor=not-a-cursor");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Invalid cursor"));
    }

    private static string TriggerPath(HttpTeam team) => $"/v1/teams/{team.Team.Id}/jobs/trigger";
}
