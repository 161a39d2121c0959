using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of the Issues endpoints as clients see them, ids and times scrubbed.</summary>
public sealed class IssuesApiSnapshotTests : HttpApiFixture
{
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp() => _client = Team.ClientWith(Team.Token(TeamRole.Owner));

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task ListProjectIssues_Body()
    {
        await Team.SeedIssueAsync("Connection refused", o => o.Occurrences = 2);

        var body = await _client.GetStringAsync($"/v1/projects/{Team.Project.Id}/issues");

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }

    [Test]
    public async Task ListTeamIssues_Body()
    {
        await Team.SeedIssueAsync("Timeout");

        var body = await _client.GetStringAsync("/v1/issues");

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }

    [Test]
    public async Task GetIssue_Body()
    {
        var issue = await Team.SeedIssueAsync("Null reference", o => o.Occurrences = 3);
        await ClientFor(Team.Token(TeamRole.Owner)).AddCommentAsync(Team.Project.Id, issue.Id, "Investigating root cause...");

        var body = await _client.GetStringAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}?occurrence_limit=2");

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }

    [Test]
    public async Task GetIssueOverview_Body()
    {
        // Noon, so that the seeded occurrences (a few seconds apart) fall on one UTC day.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero));
        var issue = await Team.SeedIssueAsync("Null reference", o => o.Occurrences = 3);
        var path = $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}";
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        await owner.AddCommentAsync(Team.Project.Id, issue.Id, "Looking");
        await owner.UpdateIssueStatusAsync(Team.Project.Id, issue.Id, "resolved", "1.0.1");

        var body = JsonNode.Parse(await _client.GetStringAsync($"{path}/overview"))!;
        var days = body["daily_counts"]!.AsArray();
        for (var i = 0; i < days.Count; i++)
        {
            days[i]!["date"] = $"<today-{days.Count - 1 - i}>";
        }

        Snapshot.Match(JsonSnapshot.Scrub(body.ToJsonString()));
    }

    [Test]
    public async Task CountProjectIssues_Body()
    {
        await Team.SeedIssueAsync("Null reference");
        await Team.SeedIssueAsync("Timeout", o => { o.Status = Domain.IssueStatus.Resolved; o.ResolvedAtVersion = "1.0.1"; });

        var body = await _client.GetStringAsync($"/v1/projects/{Team.Project.Id}/issues/counts");

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }

    [Test]
    public async Task CountTeamIssues_Body()
    {
        await Team.SeedIssueAsync("Null reference", o => o.Status = Domain.IssueStatus.Regressed);
        await Team.SeedIssueAsync("Dev only", o => o.IsDev = true);

        var body = await _client.GetStringAsync("/v1/issues/counts");

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }

    [Test]
    public async Task GetIssueDailyCounts_Body()
    {
        // Noon, so that the seeded occurrences (a few seconds apart) fall on one UTC day.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero));
        var issue = await Team.SeedIssueAsync("Null reference", o => o.Occurrences = 2);

        var body = JsonNode.Parse(await _client.GetStringAsync($"/v1/issues/daily-counts?ids={issue.Id}"))!;
        var days = body["issues"]![0]!["daily_counts"]!.AsArray();
        for (var i = 0; i < days.Count; i++)
        {
            days[i]!["date"] = $"<today-{days.Count - 1 - i}>";
        }

        Snapshot.Match(JsonSnapshot.Scrub(body.ToJsonString()));
    }

    [Test]
    public async Task SearchIssues_Body()
    {
        await Team.SeedIssueAsync("Null reference in checkout");
        await Team.SeedIssueAsync("Timeout");

        var body = await _client.GetStringAsync($"/v1/projects/{Team.Project.Id}/issues/search?q=checkout");

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }

    [Test]
    public async Task ClaimNextIssue_Body()
    {
        await Team.SeedIssueAsync();

        var response = await _client.PostAsJsonAsync($"/v1/projects/{Team.Project.Id}/issues/claim", new { duration_seconds = 300 });

        Snapshot.Match(JsonSnapshot.Scrub(await response.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task UpdateIssue_Body()
    {
        var issue = await Team.SeedIssueAsync();

        var response = await _client.PatchAsJsonAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}", new { status = "snoozed" });

        Snapshot.Match(JsonSnapshot.Scrub(await response.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task MergeIssue_Body()
    {
        var target = await Team.SeedIssueAsync("target");
        var source = await Team.SeedIssueAsync("source", o => o.Occurrences = 2);

        var response = await _client.PostAsJsonAsync(
            $"/v1/projects/{Team.Project.Id}/issues/{target.Id}/merge", new { source_issue_id = source.Id });

        Snapshot.Match(JsonSnapshot.Scrub(await response.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task Comments_CreateListEditDelete_Bodies()
    {
        var issue = await Team.SeedIssueAsync();
        var path = $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}/comments";

        var created = await (await _client.PostAsJsonAsync(path, new { body = "first" })).Content.ReadAsStringAsync();
        var id = JsonNode.Parse(created)!["id"]!.GetValue<string>();
        var edited = await (await _client.PatchAsJsonAsync($"{path}/{id}", new { body = "edited" })).Content.ReadAsStringAsync();
        var listed = await _client.GetStringAsync(path);
        var deleted = await (await _client.DeleteAsync($"{path}/{id}")).Content.ReadAsStringAsync();

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"created\":{created},\"edited\":{edited},\"listed\":{listed},\"deleted\":{deleted}}}"));
    }

    [Test]
    public async Task Error_Body()
    {
        var body = await (await _client.GetAsync($"/v1/projects/{Guid.NewGuid()}/issues")).Content.ReadAsStringAsync();

        Snapshot.Match(JsonSnapshot.Scrub(body));
    }
}
