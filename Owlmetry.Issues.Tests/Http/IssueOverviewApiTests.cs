using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The two routes added for the web console: <c>GET …/issues/:issueId/overview</c> and <c>GET …/issues/search</c>.
/// Additive: no existing response changes.
/// </summary>
public sealed class IssueOverviewApiTests : HttpApiFixture
{
    [TestCase(IssueStatus.New, new[] { "in_progress", "resolved", "silenced", "snoozed" })]
    [TestCase(IssueStatus.Resolved, new[] { "new", "silenced", "snoozed" })]
    [TestCase(IssueStatus.Regressed, new[] { "in_progress", "resolved", "silenced", "snoozed" })]
    public async Task Overview_AllowedTransitions_AreTheLifecycles(IssueStatus status, string[] expected)
    {
        var issue = await Team.SeedIssueAsync(configure: o => { o.Status = status; o.ResolvedAtVersion = status == IssueStatus.Resolved ? "1.0.0" : null; });
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var body = await (await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}/overview")).JsonAsync();

        Assert.That(body.Text("status"), Is.EqualTo(status.ToWireName()));
        Assert.That(body["allowed_transitions"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(expected));
    }

    [Test]
    public async Task Overview_DailyCountsAndBreakdowns_CountTheOccurrences()
    {
        // Noon, so that a minute earlier is the same UTC day.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero));
        var now = Factory.Clock.GetUtcNowMilliseconds();
        var issue = IssueFactory.Create() with
        {
            ProjectId = Team.Project.Id, AppId = Team.App.Id, FirstSeenAt = now.AddDays(-20), LastSeenAt = now, Fingerprints = ["overview"],
        };
        Occurrence[] seeded =
        [
            new(now, "2.0.0", "ios", "DE"), new(now.AddMinutes(-1), "2.0.0", "ios", "DE"), new(now.AddDays(-1), "1.9.0", "ipados", null),
            new(now.AddDays(-13), "1.9.0", "ios", "FR"), new(now.AddDays(-14), null, null, "FR"), new(now.AddDays(-20), "1.0.0", "ios", "US"),
        ];
        await Factory.IssueStore.SeedIssueAsync(issue, [.. seeded.Select(o => o.For(issue.Id))]);
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}/overview");
        var body = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var days = body["daily_counts"]!.AsArray();
        Assert.That(days, Has.Count.EqualTo(14));
        Assert.That(days[13]!.Text("date"), Is.EqualTo(now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(days.Select(d => d!["count"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2 }));
        Assert.That(Counts(body["breakdowns"]!["app_version"]!), Is.EqualTo(new[] { "1.9.0=2", "2.0.0=2", "(none)=1", "1.0.0=1" }));
        Assert.That(Counts(body["breakdowns"]!["environment"]!), Is.EqualTo(new[] { "ios=4", "(none)=1", "ipados=1" }));
        Assert.That(Counts(body["breakdowns"]!["country_code"]!), Is.EqualTo(new[] { "DE=2", "FR=2", "(none)=1", "US=1" }));
    }

    [Test]
    public async Task Overview_Activity_ListsStatusChangesAndMergesWithTheirActors()
    {
        var target = await Team.SeedIssueAsync("Target");
        var source = await Team.SeedIssueAsync("Source");
        using var client = Team.ClientWith(Team.Token(TeamRole.Admin));
        var path = $"/v1/projects/{Team.Project.Id}/issues/{target.Id}";
        await client.PatchAsJsonAsync(path, new { status = "resolved", resolved_at_version = "3.1.0" });
        await client.PostAsJsonAsync($"{path}/merge", new { source_issue_id = source.Id });

        var activity = (await (await client.GetAsync($"{path}/overview")).JsonAsync())["activity"]!.AsArray();

        Assert.That(activity.Select(a => a!.Text("action")), Is.EqualTo(new[] { "issue.status_changed", "issue.merged" }));
        Assert.That(activity[0]!.Text("to_status"), Is.EqualTo("resolved"));
        Assert.That(activity[0]!.Text("to_resolved_at_version"), Is.EqualTo("3.1.0"));
        Assert.That(activity[0]!.Text("actor_name"), Is.EqualTo(Team.Users[TeamRole.Admin].User.Name));
        Assert.That(activity[1]!.Text("merged_issue_id"), Is.EqualTo(source.Id.ToString()));
    }

    [Test]
    public async Task Overview_Activity_ListsCommentEditsAndDeletionsWithTheComment()
    {
        var issue = await Team.SeedIssueAsync();
        var path = $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}";
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var comment = (await (await member.PostAsJsonAsync($"{path}/comments", new { body = "draft" })).JsonAsync()).Text("id");
        await member.PatchAsJsonAsync($"{path}/comments/{comment}", new { body = "final" });
        await admin.DeleteAsync($"{path}/comments/{comment}");

        var activity = (await (await member.GetAsync($"{path}/overview")).JsonAsync())["activity"]!.AsArray();

        Assert.That(activity.Select(a => (a!.Text("action"), a!.Text("comment_id"), a!.Text("actor_name"), a!.Text("to_status"))), Is.EqualTo(new[]
        {
            ("comment.edited", comment, Team.Users[TeamRole.Member].User.Name, "new"),
            ("comment.deleted", comment, Team.Users[TeamRole.Admin].User.Name, "new"),
        }));
    }

    [Test]
    public async Task Overview_Comments_SayWhatTheCallerMayDoByTheCommentRules()
    {
        var issue = await Team.SeedIssueAsync();
        var path = $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}";
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        using var admin = Team.ClientWith(Team.Token(TeamRole.Admin));
        var byMember = (await (await member.PostAsJsonAsync($"{path}/comments", new { body = "mine" })).JsonAsync()).Text("id");
        var byAdmin = (await (await admin.PostAsJsonAsync($"{path}/comments", new { body = "the admin's" })).JsonAsync()).Text("id");

        var asMember = Rights(await (await member.GetAsync($"{path}/overview")).JsonAsync());
        var asAdmin = Rights(await (await admin.GetAsync($"{path}/overview")).JsonAsync());

        Assert.That(asMember[byMember], Is.EqualTo((true, true)));
        Assert.That(asMember[byAdmin], Is.EqualTo((false, false)));
        Assert.That(asAdmin[byMember], Is.EqualTo((false, true)), "an admin deletes anyone's comment, edits only their own");
        Assert.That(asAdmin[byAdmin], Is.EqualTo((true, true)));
    }

    [Test]
    public async Task Overview_ReadOnlyKey_MayNeitherEditNorDelete()
    {
        var issue = await Team.SeedIssueAsync();
        var path = $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}";
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));
        await owner.PostAsJsonAsync($"{path}/comments", new { body = "a comment" });
        using var reader = Team.ClientWith(await Team.CreateKeyAsync(Host.Directory.ApiKeyType.Agent, "issues:read"));

        var response = await reader.GetAsync($"{path}/overview");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Rights(await response.JsonAsync()).Values, Is.All.EqualTo((false, false)));
    }

    [Test]
    public async Task Overview_UnknownIssue_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/{Guid.NewGuid()}/overview");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Issue not found"));
    }

    [Test]
    public async Task Search_TitleWords_FindsMatchesIgnoringCaseAndOrder()
    {
        var timeout = await Team.SeedIssueAsync("Timeout talking to Payments API");
        await Team.SeedIssueAsync("Connection refused");
        var other = await Team.SeedIssueAsync("payments queue TIMEOUT");
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var body = await (await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/search?q=timeout%20PAYMENTS")).JsonAsync();

        Assert.That(body["issues"]!.AsArray().Select(i => i!.Text("id")), Is.EquivalentTo(new[] { timeout.Id.ToString(), other.Id.ToString() }));
        Assert.That(body["has_more"]!.GetValue<bool>(), Is.False);
        Assert.That(body["issues"]![0]!.Text("app_name"), Is.EqualTo(Team.App.Name));
    }

    [Test]
    public async Task Search_MoreMatchesThanTheLimit_SaysHasMore()
    {
        for (var i = 0; i < 3; i++)
        {
            await Team.SeedIssueAsync($"Crash {i}");
        }

        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var body = await (await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/search?q=crash&limit=2")).JsonAsync();

        Assert.That(body["issues"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(body["has_more"]!.GetValue<bool>(), Is.True);
        Assert.That(body["cursor"], Is.Null);
    }

    [TestCase("")]
    [TestCase("?q=%20%20")]
    public async Task Search_NoWords_Is400(string queryString)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/search{queryString}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith("q is required"));
    }

    [Test]
    public async Task Search_ClientKey_Is403()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(Host.Directory.ApiKeyType.Client, "events:write"));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/search?q=x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static List<string> Counts(JsonNode node) =>
        [.. node.AsArray().Select(c => $"{c!["value"]?.GetValue<string>() ?? "(none)"}={c["count"]!.GetValue<int>()}")];

    private static Dictionary<string, (bool Edit, bool Delete)> Rights(JsonNode overview) =>
        overview["comments"]!.AsArray().ToDictionary(c => c!.Text("id"), c => (c!["can_edit"]!.GetValue<bool>(), c["can_delete"]!.GetValue<bool>()));

    private sealed record Occurrence(DateTimeOffset At, string? Version, string? Environment, string? Country)
    {
        public IssueOccurrence For(Guid issueId) => new()
        {
            Id = Guid.NewGuid(), IssueId = issueId, SessionId = Guid.NewGuid(), EventId = Guid.NewGuid(), Timestamp = At, CreatedAt = At,
            AppVersion = Version, Environment = Environment, CountryCode = Country,
        };
    }
}
