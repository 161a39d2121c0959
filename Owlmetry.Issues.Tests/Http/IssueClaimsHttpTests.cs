using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The claim's wire shape: its members, and <c>claim</c> always present, null while unclaimed.</summary>
public sealed class IssueClaimsHttpTests : HttpApiFixture
{
    [Test]
    public async Task ClaimNext_AsAgent_Returns200WithTheIssueAndItsClaim()
    {
        var issue = await Team.SeedIssueAsync();
        using var agent = await AgentAsync();
        var now = Factory.Clock.GetUtcNow();

        var response = await agent.PostAsJsonAsync(ClaimPath, new { duration_seconds = 120 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var claim = body["claim"]!;
        Assert.That(body.Text("id"), Is.EqualTo(issue.Id.ToString()));
        Assert.That(claim.MemberNames(), Is.EqualTo(new[] { "claimed_at", "expires_at", "holder_id", "holder_kind", "holder_name" }));
        Assert.That(claim.Text("holder_kind"), Is.EqualTo("agent"));
        Assert.That(claim.Text("holder_name"), Is.EqualTo("Agent key"));
        Assert.That(claim["expires_at"]!.GetValue<DateTimeOffset>(), Is.EqualTo(now.AddSeconds(120)));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("new"), "a claim is not a status");
    }

    [Test]
    public async Task ClaimNext_ListShowsTheClaim_AndItLapsesWhenTheClockPassesExpiry()
    {
        var issue = await Team.SeedIssueAsync();
        var agent = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        await agent.ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(DurationSeconds: 60));

        var whileHeld = await (await member.GetAsync(IssuesPath)).JsonAsync();
        var blocked = await member.PostAsync(ClaimPath, null);
        Factory.Clock.Advance(TimeSpan.FromSeconds(60));
        var afterLapse = await (await member.GetAsync($"{IssuesPath}/{issue.Id}")).JsonAsync();
        var reclaimed = await member.PostAsync(ClaimPath, null);

        Assert.That(whileHeld["issues"]![0]!["claim"]!.Text("holder_kind"), Is.EqualTo("agent"));
        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(afterLapse["claim"], Is.Null, "a lapsed claim is shown as null");
        Assert.That(afterLapse.AsObject().ContainsKey("claim"), Is.True, "claim is always present, null while unclaimed");
        Assert.That(reclaimed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reclaimed.Content.ReadAsStringAsync());
        Assert.That((await reclaimed.JsonAsync())["claim"]!.Text("holder_kind"), Is.EqualTo("user"));
    }

    [Test]
    public async Task ClaimIssue_NobodyHoldsIt_Returns200WithTheCallersClaim_AnotherCaller_Gets409NamingTheHolder()
    {
        var issue = await Team.SeedIssueAsync();
        using var agent = await AgentAsync();
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        var now = Factory.Clock.GetUtcNow();

        var taken = await agent.PostAsJsonAsync($"{IssuesPath}/{issue.Id}/claim", new { duration_seconds = 120 });
        var refused = await member.PostAsync($"{IssuesPath}/{issue.Id}/claim", null);

        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.OK), await taken.Content.ReadAsStringAsync());
        var claim = (await taken.JsonAsync())["claim"]!;
        Assert.That((claim.Text("holder_kind"), claim["expires_at"]!.GetValue<DateTimeOffset>()), Is.EqualTo(("agent", now.AddSeconds(120))));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await refused.Content.ReadAsStringAsync());
        Assert.That((await refused.JsonAsync()).Text("error"), Does.StartWith($"Issue is claimed by agent 'Agent key' ({claim.Text("holder_id")}) until "));
    }

    [Test]
    public async Task ListIssues_ClaimFilter_OnTheProjectAndTeamLists_KeepsTheCallersOrAnyonesOrNoClaims()
    {
        var held = await Team.SeedIssueAsync("held");
        var othersClaim = await Team.SeedIssueAsync("another's");
        var free = await Team.SeedIssueAsync("free");
        using var agent = await AgentAsync();
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        (await agent.PostAsync($"{IssuesPath}/{held.Id}/claim", null)).EnsureSuccessStatusCode();
        (await member.PostAsync($"{IssuesPath}/{othersClaim.Id}/claim", null)).EnsureSuccessStatusCode();

        var mine = await IdsAsync(agent, $"{IssuesPath}?claim=mine");
        var teamMine = await IdsAsync(agent, "/v1/issues?claim=mine");
        var anyone = await IdsAsync(agent, "/v1/issues?claim=held");
        var none = await IdsAsync(agent, $"{IssuesPath}?claim=none");
        var leftOut = await IdsAsync(agent, $"{IssuesPath}?claim=");

        Assert.That(mine, Is.EqualTo(new[] { held.Id }), "the project list's claim=mine");
        Assert.That(teamMine, Is.EqualTo(new[] { held.Id }), "the team list's claim=mine");
        Assert.That(anyone, Is.EquivalentTo(new[] { held.Id, othersClaim.Id }), "claim=held");
        Assert.That(none, Is.EqualTo(new[] { free.Id }), "claim=none");
        Assert.That(leftOut, Is.EquivalentTo(new[] { held.Id, othersClaim.Id, free.Id }), "an empty claim is left out");
    }

    [TestCase("/v1/projects/{project}/issues?claim=me")]
    [TestCase("/v1/issues?claim=Mine")]
    public async Task ListIssues_UnknownClaimFilter_Is400NamingTheValues(string path)
    {
        using var agent = await AgentAsync();

        var response = await SendAsync(agent, "GET", path, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That((await response.JsonAsync()).Text("error"), Is.EqualTo("Invalid claim; valid values: mine, held, none"));
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.JsonAsync())["issues"]!.AsArray().Select(issue => Guid.Parse(issue!.Text("id")))];
    }

    private string IssuesPath => $"/v1/projects/{Team.Project.Id}/issues";

    private string ClaimPath => $"{IssuesPath}/claim";

    private async Task<HttpClient> AgentAsync() =>
        Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
}
