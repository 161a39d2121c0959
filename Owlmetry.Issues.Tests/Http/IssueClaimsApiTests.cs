using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class IssueClaimsApiTests : HttpApiFixture
{
    [Test]
    public async Task ClaimNext_TwoAgents_GetDifferentIssues_ThenNothingIsLeft()
    {
        await Team.SeedIssueAsync("first");
        await Team.SeedIssueAsync("second");
        var one = await AgentAsync();
        var two = await AgentAsync();

        var a = await one.ClaimNextIssueAsync(Team.Project.Id);
        var b = await two.ClaimNextIssueAsync(Team.Project.Id);
        var none = Assert.ThrowsAsync<OwlmetryApiException>(() => two.ClaimNextIssueAsync(Team.Project.Id));

        Assert.That(a.Id, Is.Not.EqualTo(b.Id));
        Assert.That(none!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(none.Error, Is.EqualTo("No unclaimed issue matches"));
    }

    [Test]
    public async Task ClaimNext_EmptyDataMode_IsLeftOut_SoADevelopmentIssueIsClaimed()
    {
        var development = await Team.SeedIssueAsync("Crash in development", o => o.IsDev = true);
        var agent = await AgentAsync();

        var claimed = await agent.ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(DataMode: ""));

        Assert.That(claimed.Id, Is.EqualTo(development.Id), "an empty data_mode in the body filters nothing");
    }

    [Test]
    public async Task RenewAndRelease_ByHolder_Return200_ByAnother_Are409NamingTheHolder()
    {
        var issue = await Team.SeedIssueAsync();
        var holder = await AgentAsync();
        var other = ClientFor(Team.Token(TeamRole.Member));
        await holder.ClaimNextIssueAsync(Team.Project.Id);
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var now = Factory.Clock.GetUtcNow();

        var renewedByOther = Assert.ThrowsAsync<OwlmetryApiException>(() => other.ClaimIssueAsync(Team.Project.Id, issue.Id, 600));
        var releasedByOther = Assert.ThrowsAsync<OwlmetryApiException>(() => other.ReleaseClaimAsync(Team.Project.Id, issue.Id));
        var renewed = await holder.ClaimIssueAsync(Team.Project.Id, issue.Id, 600);
        var released = await holder.ReleaseClaimAsync(Team.Project.Id, issue.Id);

        Assert.That(renewedByOther!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(renewedByOther.Error, Does.StartWith("Issue is claimed by agent 'Agent key' ("));
        Assert.That(releasedByOther!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(renewed.Claim!.ExpiresAt, Is.EqualTo(now.AddMinutes(10)));
        Assert.That(released.Claim, Is.Null);
    }

    [Test]
    public async Task ClaimIssue_AfterTheClaimLapsed_AnotherCallerTakesIt_AndTheFormerHolderGets409()
    {
        var issue = await Team.SeedIssueAsync();
        var former = await AgentAsync();
        var next = await AgentAsync();
        await former.ClaimIssueAsync(Team.Project.Id, issue.Id, 60);
        Factory.Clock.Advance(TimeSpan.FromSeconds(60));

        var taken = await next.ClaimIssueAsync(Team.Project.Id, issue.Id, 600);
        var formerAgain = await OutcomeAsync(() => former.ClaimIssueAsync(Team.Project.Id, issue.Id));

        Assert.That(taken.Claim!.ExpiresAt, Is.EqualTo(Factory.Clock.GetUtcNow().AddSeconds(600)), "the lapsed claim's issue was not taken");
        Assert.That(formerAgain.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(formerAgain.Error, Does.StartWith($"Issue is claimed by agent 'Agent key' ({taken.Claim.HolderId}) until "));
    }

    [Test]
    public async Task ClaimIssue_TenConcurrentAgentsOnOneFreeIssue_ExactlyOneHoldsIt_TheOthersGet409()
    {
        var issue = await Team.SeedIssueAsync();
        var agents = new List<OwlmetryIssuesClient>();
        for (var i = 0; i < 10; i++)
        {
            agents.Add(await AgentAsync());
        }

        var outcomes = await Task.WhenAll(agents.Select(agent => OutcomeAsync(() => agent.ClaimIssueAsync(Team.Project.Id, issue.Id))));

        Assert.That(outcomes.Count(o => o.Status == HttpStatusCode.OK), Is.EqualTo(1), string.Join("\n", outcomes));
        Assert.That(outcomes.Count(o => o.Status == HttpStatusCode.Conflict), Is.EqualTo(9), string.Join("\n", outcomes));
    }

    [Test]
    public async Task Release_ByTeamOwnerOrAdmin_EndsAnotherHoldersClaim_ByAnotherAgent_Is409()
    {
        var issue = await Team.SeedIssueAsync();
        var holder = await AgentAsync();
        var otherAgent = await AgentAsync();
        await holder.ClaimNextIssueAsync(Team.Project.Id);

        var byOtherAgent = await OutcomeAsync(() => otherAgent.ReleaseClaimAsync(Team.Project.Id, issue.Id));
        var byOwner = await OutcomeAsync(() => ClientFor(Team.Token(TeamRole.Owner)).ReleaseClaimAsync(Team.Project.Id, issue.Id));
        var reclaimed = await holder.ClaimNextIssueAsync(Team.Project.Id);
        var byAdmin = await OutcomeAsync(() => ClientFor(Team.Token(TeamRole.Admin)).ReleaseClaimAsync(Team.Project.Id, issue.Id));

        Assert.That(byOtherAgent.Status, Is.EqualTo(HttpStatusCode.Conflict), "another agent released the holder's claim");
        Assert.That(byOwner, Is.EqualTo((HttpStatusCode.OK, (string?)null)), "the owner could not release the agent's claim");
        Assert.That(reclaimed.Id, Is.EqualTo(issue.Id), "the owner's release left the claim");
        Assert.That(byAdmin, Is.EqualTo((HttpStatusCode.OK, (string?)null)), "the admin could not release the agent's claim");
        Assert.That((await holder.GetIssueAsync(Team.Project.Id, issue.Id)).Claim, Is.Null, "the admin's release left the claim");
    }

    [Test]
    public async Task RevokingTheHoldersKey_EndsItsClaim_SoAnotherAgentClaimsTheIssue()
    {
        var issue = await Team.SeedIssueAsync();
        var doomed = await AgentAsync();
        var claimed = await doomed.ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(DurationSeconds: 86_400));
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        await owner.RevokeApiKeyAsync(claimed.Claim!.HolderId);

        var shown = await owner.GetIssueAsync(Team.Project.Id, issue.Id);
        var next = await ClaimOrRefusalAsync(await AgentAsync());
        Assert.That(shown.Claim, Is.Null, "the revoked key's claim is still shown");
        Assert.That(next, Is.EqualTo((issue.Id, (HttpStatusCode?)null)), "the revoked key's issue did not go back to the claim queue");
    }

    [Test]
    public async Task RemovingTheHolderFromTheTeam_EndsTheirClaim_SoAnotherAgentClaimsTheIssue()
    {
        var issue = await Team.SeedIssueAsync();
        await ClientFor(Team.Token(TeamRole.Member)).ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(DurationSeconds: 86_400));

        await ClientFor(Team.Token(TeamRole.Owner)).RemoveTeamMemberAsync(Team.Team.Id, Team.Users[TeamRole.Member].User.Id);

        var next = await ClaimOrRefusalAsync(await AgentAsync());
        Assert.That(next, Is.EqualTo((issue.Id, (HttpStatusCode?)null)), "the removed member's issue did not go back to the claim queue");
    }

    [Test]
    public async Task ClaimNext_FilterAndBounds_AreChecked()
    {
        await Team.SeedIssueAsync("resolved", o => { o.Status = IssueStatus.Resolved; o.ResolvedAtVersion = "1.0"; });
        var agent = await AgentAsync();

        var skipped = Assert.ThrowsAsync<OwlmetryApiException>(() => agent.ClaimNextIssueAsync(Team.Project.Id));
        var byStatus = await agent.ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(Status: "resolved"));
        var badStatus = Assert.ThrowsAsync<OwlmetryApiException>(() => agent.ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(Status: "done")));
        var tooShort = Assert.ThrowsAsync<OwlmetryApiException>(() => agent.ClaimNextIssueAsync(Team.Project.Id, new ClaimIssueRequest(DurationSeconds: 5)));

        Assert.That(skipped!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "resolved issues are skipped without a status");
        Assert.That(byStatus.Status, Is.EqualTo("resolved"));
        Assert.That(badStatus!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badStatus.Error, Does.StartWith("Invalid status"));
        Assert.That(tooShort!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(tooShort.Error, Is.EqualTo("duration_seconds must be between 30 and 86400"));
    }

    [Test]
    public async Task ClaimNext_ReadOnlyKey_Is403_OtherTeam_Is404()
    {
        await Team.SeedIssueAsync();
        var reader = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));
        var otherTeam = await CreateOtherTeamAsync();
        var outsider = ClientFor(otherTeam.Token(TeamRole.Owner));

        var forbidden = Assert.ThrowsAsync<OwlmetryApiException>(() => reader.ClaimNextIssueAsync(Team.Project.Id));
        var hidden = Assert.ThrowsAsync<OwlmetryApiException>(() => outsider.ClaimNextIssueAsync(Team.Project.Id));

        Assert.That(forbidden!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(forbidden.Error, Is.EqualTo("Missing permission: issues:write"));
        Assert.That(hidden!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(hidden.Error, Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task ClaimNext_TwentyConcurrentAgentsOverTenIssues_HandEachIssueOutOnce()
    {
        for (var i = 0; i < 10; i++)
        {
            await Team.SeedIssueAsync($"issue {i}");
        }

        var agents = new List<OwlmetryIssuesClient>();
        for (var i = 0; i < 20; i++)
        {
            agents.Add(await AgentAsync());
        }

        var outcomes = await Task.WhenAll(agents.Select(ClaimOrRefusalAsync));

        Assert.That(outcomes.Where(o => o.Claimed is not null).Select(o => o.Claimed).ToList(), Has.Count.EqualTo(10).And.Unique);
        Assert.That(outcomes.Count(o => o.Refused == HttpStatusCode.NotFound), Is.EqualTo(10));
    }

    private async Task<(Guid? Claimed, HttpStatusCode? Refused)> ClaimOrRefusalAsync(OwlmetryIssuesClient agent)
    {
        try
        {
            return ((await agent.ClaimNextIssueAsync(Team.Project.Id)).Id, null);
        }
        catch (OwlmetryApiException refused)
        {
            return (null, refused.StatusCode);
        }
    }

    private async Task<OwlmetryIssuesClient> AgentAsync() =>
        ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
}
