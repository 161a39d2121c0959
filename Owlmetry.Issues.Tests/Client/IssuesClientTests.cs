using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

public sealed class IssuesClientTests : HttpApiFixture
{
    [Test]
    public async Task ListIssuesAsync_FivePagesOfTwo_YieldsEveryIssueOnceInServerOrder()
    {
        var seeded = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            seeded.Add((await Team.SeedIssueAsync($"Crash {i}")).Id);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var pages = new PageCounter();
        var client = ClientFor(Team.Token(TeamRole.Member), b => b.AddHttpMessageHandler(() => pages));

        var listed = await client.ListIssuesAsync(Team.Project.Id, new IssueListQuery { PageSize = 2 }).Select(i => i.Id).ToListAsync();

        Assert.That(listed, Is.EqualTo(Enumerable.Reverse(seeded).ToList()), "newest last_seen first, each once");
        Assert.That(pages.Requests, Is.EqualTo(5));
    }

    [Test]
    public async Task ListIssuesAsync_StatusFilterAndSort_AreSentToTheServer()
    {
        await Team.SeedIssueAsync("open");
        var resolved = await Team.SeedIssueAsync("fixed", o => { o.Status = IssueStatus.Resolved; o.ResolvedAtVersion = "1.0"; });
        var client = ClientFor(Team.Token(TeamRole.Member));

        var listed = await client.ListIssuesAsync(Team.Project.Id, new IssueListQuery { Status = "resolved", Sort = "first_seen" }).ToListAsync();

        Assert.That(listed.Select(i => i.Id), Is.EqualTo(new[] { resolved.Id }));
        Assert.That(listed[0].ResolvedAtVersion, Is.EqualTo("1.0"));
    }

    [Test]
    public async Task ListIssuesAsync_UnknownSort_ThrowsWith400AndTheValidValues()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            async () => await client.ListIssuesAsync(Team.Project.Id, new IssueListQuery { Sort = "loudest" }).ToListAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Does.StartWith("Invalid sort; valid values:"));
    }

    [Test]
    public async Task GetIssueOverviewAsync_ResolvedIssue_GivesItsAllowedTransitionsAndFourteenDays()
    {
        var resolved = await Team.SeedIssueAsync("fixed", o => { o.Status = IssueStatus.Resolved; o.ResolvedAtVersion = "1.0"; });
        var client = ClientFor(Team.Token(TeamRole.Member));

        var overview = await client.GetIssueOverviewAsync(Team.Project.Id, resolved.Id);

        Assert.Multiple(() =>
        {
            Assert.That(overview.IssueId, Is.EqualTo(resolved.Id));
            Assert.That(overview.Status, Is.EqualTo("resolved"));
            Assert.That(overview.AllowedTransitions, Is.EquivalentTo(new[] { "new", "silenced", "snoozed" }));
            Assert.That(overview.DailyCounts, Has.Count.EqualTo(14));
        });
    }

    [Test]
    public void GetIssueOverviewAsync_UnknownIssue_ThrowsWith404()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetIssueOverviewAsync(Team.Project.Id, Guid.NewGuid()));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SearchIssuesAsync_TitleWords_FindsOnlyTheMatchingIssues()
    {
        var match = await Team.SeedIssueAsync("NullReferenceException in CheckoutViewModel.Submit");
        await Team.SeedIssueAsync("Timeout in SyncService");
        var client = ClientFor(Team.Token(TeamRole.Member));

        var found = await client.SearchIssuesAsync(Team.Project.Id, "checkout nullreference");

        Assert.That(found.Issues.Select(i => i.Id), Is.EqualTo(new[] { match.Id }));
    }

    [Test]
    public void SearchIssuesAsync_BlankText_Throws400()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.SearchIssuesAsync(Team.Project.Id, " "));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CountIssuesAsync_DataModeFilter_CountsThatSidePerStatus()
    {
        await Team.SeedIssueAsync("open");
        await Team.SeedIssueAsync("fixed", o => { o.Status = IssueStatus.Resolved; o.ResolvedAtVersion = "1.0"; });
        await Team.SeedIssueAsync("dev", o => o.IsDev = true);
        var client = ClientFor(Team.Token(TeamRole.Member));

        var counts = await client.CountIssuesAsync(Team.Project.Id, new IssueListQuery { DataMode = "production", Status = "silenced" });

        Assert.That(counts.Total, Is.EqualTo(2));
        Assert.That(counts.Statuses["new"], Is.EqualTo(1));
        Assert.That(counts.Statuses["resolved"], Is.EqualTo(1));
        Assert.That(counts.Statuses.Keys, Is.EquivalentTo(new[] { "new", "in_progress", "resolved", "silenced", "regressed", "snoozed" }));
    }

    [Test]
    public async Task CountTeamIssuesAsync_TeamAndDevFilter_AreSentToTheServer()
    {
        await Team.SeedIssueAsync("prod");
        await Team.SeedIssueAsync("dev", o => o.IsDev = true);
        var client = ClientFor(Team.Token(TeamRole.Member));

        var dev = await client.CountTeamIssuesAsync(new TeamIssueListQuery { TeamId = Team.Team.Id, IsDev = true });
        var elsewhere = await client.CountTeamIssuesAsync(new TeamIssueListQuery { TeamId = Guid.NewGuid() });

        Assert.That((dev.Total, dev.Statuses["new"], elsewhere.Total), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public async Task GetIssueDailyCountsAsync_SeveralIssues_GivesEachOnesFourteenDaysInOneRequest()
    {
        var first = await Team.SeedIssueAsync("first", o => o.Occurrences = 2);
        var second = await Team.SeedIssueAsync("second", o => o.Occurrences = 1);
        var pages = new PageCounter();
        var client = ClientFor(Team.Token(TeamRole.Member), b => b.AddHttpMessageHandler(() => pages));

        var charts = await client.GetIssueDailyCountsAsync([second.Id, first.Id]);

        Assert.That(charts.Select(c => (c.IssueId, c.DailyCounts.Count, c.DailyCounts.Sum(d => d.Count))), Is.EqualTo(new[] { (second.Id, 14, 1), (first.Id, 14, 2) }));
        Assert.That(pages.Requests, Is.EqualTo(1));
    }

    [Test]
    public void GetIssueDailyCountsAsync_NoIds_Throws400()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetIssueDailyCountsAsync([]));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Does.StartWith("ids is required"));
    }

    [Test]
    public async Task ListTeamIssuesAsync_AcrossProjects_CarriesProjectName()
    {
        var issue = await Team.SeedIssueAsync();
        var client = ClientFor(Team.Token(TeamRole.Member));

        var listed = await client.ListTeamIssuesAsync(new TeamIssueListQuery { TeamId = Team.Team.Id }).ToListAsync();

        Assert.That(listed.Select(i => i.Id), Is.EqualTo(new[] { issue.Id }));
        Assert.That(listed[0].ProjectName, Is.EqualTo(Team.Project.Name));
    }

    [Test]
    public async Task GetIssueAsync_OccurrencePages_FollowTheCursor()
    {
        var issue = await Team.SeedIssueAsync(configure: o => o.Occurrences = 3);
        var client = ClientFor(Team.Token(TeamRole.Member));

        var first = await client.GetIssueAsync(Team.Project.Id, issue.Id, occurrenceLimit: 2);
        var second = await client.GetIssueAsync(Team.Project.Id, issue.Id, first.OccurrenceCursor, 2);

        Assert.That(first.Title, Is.EqualTo("Connection refused"));
        Assert.That(first.Occurrences, Has.Count.EqualTo(2));
        Assert.That(first.OccurrenceHasMore, Is.True);
        Assert.That(second.Occurrences, Has.Count.EqualTo(1));
        Assert.That(second.OccurrenceHasMore, Is.False);
        Assert.That(first.Occurrences.Concat(second.Occurrences).Select(o => o.Id).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void GetIssueAsync_UnknownIssue_ThrowsWith404IssueNotFound()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetIssueAsync(Team.Project.Id, Guid.NewGuid()));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Issue not found"));
    }

    [Test]
    public async Task UpdateIssueStatusAsync_Resolve_ReturnsTheResolvedIssue()
    {
        var issue = await Team.SeedIssueAsync();
        var client = ClientFor(Team.Token(TeamRole.Member));

        var resolved = await client.UpdateIssueStatusAsync(Team.Project.Id, issue.Id, "resolved", "2.1.0");

        Assert.That(resolved.Status, Is.EqualTo("resolved"));
        Assert.That(resolved.ResolvedAtVersion, Is.EqualTo("2.1.0"));
    }

    [Test]
    public async Task UpdateIssueStatusAsync_RefusedTransition_ThrowsWith400AndTheLifecycleMessage()
    {
        var issue = await Team.SeedIssueAsync();
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.UpdateIssueStatusAsync(Team.Project.Id, issue.Id, "regressed"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Is.EqualTo("Cannot transition from 'new' to 'regressed'"));
    }

    [Test]
    public async Task UpdateIssueStatusAsync_ReadOnlyAgentKey_ThrowsWith403MissingPermission()
    {
        var issue = await Team.SeedIssueAsync();
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.UpdateIssueStatusAsync(Team.Project.Id, issue.Id, "silenced"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Missing permission: issues:write"));
    }

    [Test]
    public async Task MergeIssuesAsync_TwoIssues_LeavesTheTargetWithBothOccurrences()
    {
        var target = await Team.SeedIssueAsync("target");
        var source = await Team.SeedIssueAsync("source");
        var client = ClientFor(Team.Token(TeamRole.Member));

        var merged = await client.MergeIssuesAsync(Team.Project.Id, target.Id, source.Id);

        Assert.That(merged.Id, Is.EqualTo(target.Id));
        Assert.That(merged.OccurrenceCount, Is.EqualTo(2));
        var gone = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetIssueAsync(Team.Project.Id, source.Id));
        Assert.That(gone!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ClaimNextIssueAsync_ClaimIssueAgainAndRelease_ByTheHolder_AndAnotherAgentGets409()
    {
        var issue = await Team.SeedIssueAsync();
        var holder = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
        var other = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));

        var claimed = await holder.ClaimNextIssueAsync(Team.Project.Id, new(DurationSeconds: 60));
        var renewed = await holder.ClaimIssueAsync(Team.Project.Id, issue.Id, 600);
        var blocked = Assert.ThrowsAsync<OwlmetryApiException>(() => other.ReleaseClaimAsync(Team.Project.Id, issue.Id));
        var released = await holder.ReleaseClaimAsync(Team.Project.Id, issue.Id);

        Assert.That(claimed.Id, Is.EqualTo(issue.Id));
        Assert.That(claimed.Claim!.HolderKind, Is.EqualTo("agent"));
        Assert.That(renewed.Claim!.ExpiresAt, Is.EqualTo(Factory.Clock.GetUtcNow().AddSeconds(600)));
        Assert.That(blocked!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(blocked.Error, Does.Contain("claimed by"));
        Assert.That(released.Claim, Is.Null);
    }

    [Test]
    public void ClaimNextIssueAsync_NothingToClaim_ThrowsWith404()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.ClaimNextIssueAsync(Team.Project.Id));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("No unclaimed issue matches"));
    }

    [Test]
    public async Task ListIssuesAsync_AnotherTeamsProject_ThrowsWith404()
    {
        var other = await CreateOtherTeamAsync();
        var client = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(async () => await client.ListIssuesAsync(other.Project.Id).ToListAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Project not found"));
    }

    private sealed class PageCounter : DelegatingHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
