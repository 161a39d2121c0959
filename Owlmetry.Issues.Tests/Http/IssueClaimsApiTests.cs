using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class IssueClaimsApiTests : HttpApiFixture
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
    public async Task ClaimNext_TwoAgents_GetDifferentIssues_ThenNothingIsLeft()
    {
        await Team.SeedIssueAsync("first");
        await Team.SeedIssueAsync("second");
        using var one = await AgentAsync();
        using var two = await AgentAsync();

        var a = await (await one.PostAsync(ClaimPath, null)).JsonAsync();
        var b = await (await two.PostAsync(ClaimPath, null)).JsonAsync();
        var none = await two.PostAsync(ClaimPath, null);

        Assert.That(a.Text("id"), Is.Not.EqualTo(b.Text("id")));
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await none.ErrorAsync(), Is.EqualTo("No unclaimed issue matches"));
    }

    [Test]
    public async Task ClaimNext_ListShowsTheClaim_AndItLapsesWhenTheClockPassesExpiry()
    {
        var issue = await Team.SeedIssueAsync();
        using var agent = await AgentAsync();
        using var member = Team.ClientWith(Team.Token(TeamRole.Member));
        await agent.PostAsJsonAsync(ClaimPath, new { duration_seconds = 60 });

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
    public async Task RenewAndRelease_ByHolder_Return200_ByAnother_Are409NamingTheHolder()
    {
        var issue = await Team.SeedIssueAsync();
        using var holder = await AgentAsync();
        using var other = Team.ClientWith(Team.Token(TeamRole.Owner));
        await holder.PostAsync(ClaimPath, null);
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var now = Factory.Clock.GetUtcNow();

        var renewedByOther = await other.PostAsJsonAsync($"{IssuesPath}/{issue.Id}/claim", new { duration_seconds = 600 });
        var releasedByOther = await other.DeleteAsync($"{IssuesPath}/{issue.Id}/claim");
        var renewed = await holder.PostAsJsonAsync($"{IssuesPath}/{issue.Id}/claim", new { duration_seconds = 600 });
        var released = await holder.DeleteAsync($"{IssuesPath}/{issue.Id}/claim");

        Assert.That(renewedByOther.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await renewedByOther.ErrorAsync(), Does.StartWith("Issue is claimed by agent 'Agent key' ("));
        Assert.That(releasedByOther.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(renewed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await renewed.Content.ReadAsStringAsync());
        Assert.That((await renewed.JsonAsync())["claim"]!["expires_at"]!.GetValue<DateTimeOffset>(), Is.EqualTo(now.AddMinutes(10)));
        Assert.That(released.StatusCode, Is.EqualTo(HttpStatusCode.OK), await released.Content.ReadAsStringAsync());
        Assert.That((await released.JsonAsync())["claim"], Is.Null);
    }

    [Test]
    public async Task ClaimNext_FilterAndBounds_AreChecked()
    {
        await Team.SeedIssueAsync("resolved", o => { o.Status = Issues.Domain.IssueStatus.Resolved; o.ResolvedAtVersion = "1.0"; });
        using var agent = await AgentAsync();

        var skipped = await agent.PostAsync(ClaimPath, null);
        var byStatus = await agent.PostAsJsonAsync(ClaimPath, new { status = "resolved" });
        var badStatus = await agent.PostAsJsonAsync(ClaimPath, new { status = "done" });
        var tooShort = await agent.PostAsJsonAsync(ClaimPath, new { duration_seconds = 5 });

        Assert.That(skipped.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "resolved issues are skipped without a status");
        Assert.That(byStatus.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(badStatus.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badStatus.ErrorAsync(), Does.StartWith("Invalid status"));
        Assert.That(tooShort.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooShort.ErrorAsync(), Is.EqualTo("duration_seconds must be between 30 and 86400"));
    }

    [Test]
    public async Task ClaimNext_ReadOnlyKey_Is403_OtherTeam_Is404()
    {
        await Team.SeedIssueAsync();
        using var reader = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));
        var otherTeam = await CreateOtherTeamAsync();
        using var outsider = otherTeam.ClientWith(otherTeam.Token(TeamRole.Owner));

        var forbidden = await reader.PostAsync(ClaimPath, null);
        var hidden = await outsider.PostAsync(ClaimPath, null);

        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await forbidden.ErrorAsync(), Is.EqualTo("Missing permission: issues:write"));
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await hidden.ErrorAsync(), Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task ClaimNext_TwentyConcurrentAgentsOverTenIssues_HandEachIssueOutOnce()
    {
        for (var i = 0; i < 10; i++)
        {
            await Team.SeedIssueAsync($"issue {i}");
        }

        var agents = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            agents.Add(await AgentAsync());
        }

        var responses = await Task.WhenAll(agents.Select(agent => agent.PostAsync(ClaimPath, null)));

        var ids = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            ids.Add((await response.JsonAsync()).Text("id"));
        }

        Assert.That(ids, Has.Count.EqualTo(10).And.Unique);
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NotFound), Is.EqualTo(10));
        agents.ForEach(agent => agent.Dispose());
    }

    private string IssuesPath => $"/v1/projects/{Team.Project.Id}/issues";

    private string ClaimPath => $"{IssuesPath}/claim";

    private async Task<HttpClient> AgentAsync() =>
        Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
}
