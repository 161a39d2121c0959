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

    private string IssuesPath => $"/v1/projects/{Team.Project.Id}/issues";

    private string ClaimPath => $"{IssuesPath}/claim";

    private async Task<HttpClient> AgentAsync() =>
        Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
}
