using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Services;

public sealed class IssueServiceClaimTests
{
    private static readonly IssueError s_nothingToClaim = IssueError.NotFound("No unclaimed issue matches");

    private TeamWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new TeamWorld();

    [Test]
    public async Task ClaimNextAsync_TakesTheFirstInSortOrderAndSkipsClaimedOnes()
    {
        var older = await SeedAtAsync("older");
        var newer = await SeedAtAsync("newer");

        var first = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());
        var second = await _world.Service.ClaimNextAsync(_world.Member, _world.Project.Id, new IssueQuery());
        var third = await _world.Service.ClaimNextAsync(_world.Admin, _world.Project.Id, new IssueQuery());

        Assert.That(first.Value.Issue.Id, Is.EqualTo(newer.Id), "last_seen order: the newest first");
        Assert.That(first.Value.Issue.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, _world.Agent.Id, "triage-bot", Now, Now.AddMinutes(15))));
        Assert.That(second.Value.Issue.Id, Is.EqualTo(older.Id), "the claimed issue was not skipped");
        Assert.That(third.Error, Is.EqualTo(s_nothingToClaim));
    }

    [Test]
    public async Task ClaimNextAsync_DoesNotChangeStatusOrActivity()
    {
        var issue = await SeedAtAsync("x");
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());

        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored! with { Claim = null, Fingerprints = issue.Fingerprints }, Is.EqualTo(issue));
    }

    [Test]
    public async Task ClaimNextAsync_LapsedClaim_CanBeClaimedByAnother()
    {
        var issue = await SeedAtAsync("x");
        await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery(), TimeSpan.FromSeconds(30));
        _world.Clock.Advance(TimeSpan.FromSeconds(29));
        var whileHeld = await _world.Service.ClaimNextAsync(_world.Member, _world.Project.Id, new IssueQuery());
        _world.Clock.Advance(TimeSpan.FromSeconds(1));

        var afterLapse = await _world.Service.ClaimNextAsync(_world.Member, _world.Project.Id, new IssueQuery());

        Assert.That(whileHeld.Error, Is.EqualTo(s_nothingToClaim));
        Assert.That(afterLapse.Value.Issue.Id, Is.EqualTo(issue.Id));
        Assert.That(afterLapse.Value.Issue.Claim?.HolderId, Is.EqualTo(_world.Member.Id));
    }

    [Test]
    public async Task ClaimNextAsync_WithoutStatus_SkipsResolvedAndSilenced_WithStatus_TakesIt()
    {
        var resolved = await _world.SeedAsync(new IssueSeed(_world.App.Id, "resolved") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "silenced") { Status = IssueStatus.Silenced });

        var byDefault = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());
        var resolvedOnly = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery { Status = IssueStatus.Resolved });

        Assert.That(byDefault.Error, Is.EqualTo(s_nothingToClaim));
        Assert.That(resolvedOnly.Value.Issue.Id, Is.EqualTo(resolved.Id));
    }

    [Test]
    public async Task ClaimNextAsync_FilterByAppAndDataMode_TakesOnlyMatching()
    {
        var otherApp = _world.Issues.AddApp(_world.Project.Id, "Web");
        await _world.SeedAsync(new IssueSeed(otherApp.Id, "web prod"));
        var dev = await _world.SeedAsync(new IssueSeed(_world.App.Id, "ios dev") { IsDev = true });

        var claimed = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery { AppId = _world.App.Id, DataMode = DataMode.Development });

        Assert.That(claimed.Value.Issue.Id, Is.EqualTo(dev.Id));
    }

    [Test]
    public async Task ClaimNextAsync_ManyClaimedIssues_ReachesPastThePageOfTheScan()
    {
        for (var i = 0; i < 150; i++)
        {
            await SeedAtAsync($"issue {i}");
        }

        for (var i = 0; i < 150; i++)
        {
            Assert.That((await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery())).IsSuccess, Is.True, $"claim {i}");
        }

        Assert.That((await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery())).Error, Is.EqualTo(s_nothingToClaim));
    }

    [TestCase(29)]
    [TestCase(86_401)]
    public async Task ClaimNextAsync_DurationOutOfBounds_IsInvalid(int seconds)
    {
        await SeedAtAsync("x");

        var claimed = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery(), TimeSpan.FromSeconds(seconds));

        Assert.That(claimed.Error, Is.EqualTo(IssueError.Invalid("duration_seconds must be between 30 and 86400")));
    }

    [Test]
    public async Task ClaimNextAsync_ReadOnlyKeyOrClient_IsForbidden_OtherTeam_IsProjectNotFound()
    {
        await SeedAtAsync("x");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await _world.Service.ClaimNextAsync(_world.ReadOnlyAgent, _world.Project.Id, new IssueQuery())).Error, Is.EqualTo(IssueError.MissingPermission(IssuePermissions.Write)));
            Assert.That((await _world.Service.ClaimNextAsync(_world.Client, _world.Project.Id, new IssueQuery())).Error, Is.EqualTo(IssueError.MissingPermission(IssuePermissions.Write)));
            Assert.That((await _world.Service.ClaimNextAsync(_world.Outsider, _world.Project.Id, new IssueQuery())).Error, Is.EqualTo(IssueError.NotFound("Project not found")));
        }
    }

    [Test]
    public async Task RenewClaimAsync_ByHolder_ExtendsFromNow_ByOthers_IsConflict()
    {
        var issue = await SeedAtAsync("x");
        var start = Now;
        await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());
        _world.Clock.Advance(TimeSpan.FromMinutes(10));

        var byOther = await _world.Service.RenewClaimAsync(_world.Owner, _world.Project.Id, issue.Id, TimeSpan.FromMinutes(30));
        var byHolder = await _world.Service.RenewClaimAsync(_world.Agent, _world.Project.Id, issue.Id, TimeSpan.FromMinutes(30));

        Assert.That(byOther.Error, Is.EqualTo(IssueError.Conflict($"Issue is claimed by agent 'triage-bot' ({_world.Agent.Id}) until {start.AddMinutes(15).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff}Z")));
        Assert.That(byHolder.Value.Issue.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, _world.Agent.Id, "triage-bot", start, start.AddMinutes(40))));
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored!.Claim, Is.EqualTo(byHolder.Value.Issue.Claim));
    }

    [Test]
    public async Task ClaimAsync_FreeIssue_IsTaken_ByTheHolderAgain_IsExtended_ByAnother_IsConflictNamingTheHolder()
    {
        var issue = await _world.SeedAsync(new IssueSeed(_world.App.Id, "resolved") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });
        var start = Now;

        var taken = await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, issue.Id, TimeSpan.FromMinutes(5));
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var byOther = await _world.Service.ClaimAsync(_world.Member, _world.Project.Id, issue.Id);
        var extended = await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, issue.Id, TimeSpan.FromMinutes(30));

        Assert.That(taken.Error, Is.Null, "a free issue (of any status) was not taken");
        Assert.That(taken.Value.Issue.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, _world.Agent.Id, "triage-bot", start, start.AddMinutes(5))));
        Assert.That(byOther.Error, Is.EqualTo(IssueError.Conflict($"Issue is claimed by agent 'triage-bot' ({_world.Agent.Id}) until {start.AddMinutes(5).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff}Z")));
        Assert.That(extended.Value.Issue.Claim, Is.EqualTo(new IssueClaim(ActorKind.Agent, _world.Agent.Id, "triage-bot", start, start.AddMinutes(31))), "the holder's claim again is not its claim extended from now");
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored!.Claim, Is.EqualTo(extended.Value.Issue.Claim), "the extended claim was not stored");
        Assert.That(stored with { Claim = null, Fingerprints = issue.Fingerprints }, Is.EqualTo(issue), "more than the claim changed");
    }

    [Test]
    public async Task ClaimAsync_LapsedClaim_IsTakenByAnother_WhereTheFormerHoldersRenewIsConflict()
    {
        var issue = await SeedAtAsync("x");
        await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, issue.Id, TimeSpan.FromSeconds(30));
        _world.Clock.Advance(TimeSpan.FromSeconds(29));
        var whileHeld = await _world.Service.ClaimAsync(_world.Member, _world.Project.Id, issue.Id);
        _world.Clock.Advance(TimeSpan.FromSeconds(1));

        var renewedAfterLapse = await _world.Service.RenewClaimAsync(_world.Agent, _world.Project.Id, issue.Id);
        var takenAfterLapse = await _world.Service.ClaimAsync(_world.Member, _world.Project.Id, issue.Id);

        Assert.That(whileHeld.Error?.Kind, Is.EqualTo(IssueErrorKind.Conflict), "the claim was taken before it lapsed");
        Assert.That(renewedAfterLapse.Error, Is.EqualTo(IssueError.Conflict("Issue is not claimed (the claim lapsed or was released); claim it again")));
        Assert.That(takenAfterLapse.Error, Is.Null, "the issue whose claim lapsed was not taken");
        Assert.That(takenAfterLapse.Value.Issue.Claim, Is.EqualTo(new IssueClaim(ActorKind.User, _world.Member.Id, "Mia Member", Now, Now.AddMinutes(15))));
    }

    [Test]
    public async Task ClaimAsync_TwentyParallelClaimersOfOneFreeIssue_ExactlyOneHoldsIt()
    {
        var issue = await SeedAtAsync("x");
        var agents = Enumerable.Range(0, 20)
            .Select(i => Actor.Agent(Guid.NewGuid(), $"agent-{i}", _world.TeamId, [IssuePermissions.Read, IssuePermissions.Write]))
            .ToList();

        var results = await Task.WhenAll(agents.Select(agent => Task.Run(() => _world.Service.ClaimAsync(agent, _world.Project.Id, issue.Id))));

        var winners = results.Where(r => r.IsSuccess).Select(r => r.Value.Issue.Claim!.HolderId).ToList();
        Assert.That(winners, Has.Count.EqualTo(1), "not exactly one claimer got the issue");
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(issue.Id));
        Assert.That(stored!.Claim?.HolderId, Is.EqualTo(winners[0]), "the stored holder is not the one answered");
        Assert.That(results.Where(r => !r.IsSuccess).Select(r => r.Error!.Message).ToList(), Has.Count.EqualTo(19).And.All.StartsWith($"Issue is claimed by agent '{stored.Claim!.HolderName}'"));
    }

    [Test]
    public async Task ReleaseClaimAsync_ByOthers_IsConflict_ByHolder_LetsAnotherClaim()
    {
        var issue = await SeedAtAsync("x");
        await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());

        var byOther = await _world.Service.ReleaseClaimAsync(_world.Member, _world.Project.Id, issue.Id);
        var byHolder = await _world.Service.ReleaseClaimAsync(_world.Agent, _world.Project.Id, issue.Id);
        var reclaimed = await _world.Service.ClaimNextAsync(_world.Member, _world.Project.Id, new IssueQuery());

        Assert.That(byOther.Error?.Kind, Is.EqualTo(IssueErrorKind.Conflict));
        Assert.That(byHolder.Value.Issue.Claim, Is.Null);
        Assert.That(reclaimed.Value.Issue.Claim?.HolderId, Is.EqualTo(_world.Member.Id));
    }

    [Test]
    public async Task ReleaseClaimAsync_ByTeamOwnerOrAdmin_ReleasesAnotherHoldersClaim()
    {
        var first = await SeedAtAsync("first");
        var second = await SeedAtAsync("second");
        await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());
        await _world.Service.ClaimNextAsync(_world.Member, _world.Project.Id, new IssueQuery());

        var byOwner = await _world.Service.ReleaseClaimAsync(_world.Owner, _world.Project.Id, second.Id);
        var byAdmin = await _world.Service.ReleaseClaimAsync(_world.Admin, _world.Project.Id, first.Id);

        Assert.That(byOwner.Error, Is.Null, "the owner could not release the agent's claim");
        Assert.That(byAdmin.Error, Is.Null, "the admin could not release the member's claim");
        Assert.That(new[] { byOwner.Value.Issue.Claim, byAdmin.Value.Issue.Claim }, Is.All.Null);
    }

    [Test]
    public async Task EndClaimsHeldByAsync_EndsTheHoldersClaimsInThatTeamsProjectsOnly()
    {
        var here = await SeedAtAsync("here");
        var elsewhere = await _world.SeedAsync(new IssueSeed(_world.OtherApp.Id, "elsewhere"));
        var inBothTeams = Actor.User(Guid.NewGuid(), "Bea Both", new Dictionary<Guid, TeamRole> { [_world.TeamId] = TeamRole.Member, [_world.OtherTeamId] = TeamRole.Member });
        await _world.Service.ClaimNextAsync(inBothTeams, _world.Project.Id, new IssueQuery());
        await _world.Service.ClaimNextAsync(inBothTeams, _world.OtherProject.Id, new IssueQuery());

        var ended = await _world.Service.EndClaimsHeldByAsync(ActorKind.User, inBothTeams.Id, _world.TeamId);

        var reclaimed = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery());
        var stillHeld = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(elsewhere.Id));
        Assert.That(ended, Is.EqualTo(1));
        Assert.That(reclaimed.Error, Is.Null, "the ended claim's issue is not back in the queue");
        Assert.That(reclaimed.Value.Issue.Id, Is.EqualTo(here.Id));
        Assert.That(stillHeld!.Claim?.HolderId, Is.EqualTo(inBothTeams.Id), "the user's claim in the other team ended too");
    }

    [Test]
    public async Task ClaimRenewAndRelease_IssueOfAnotherProjectOrReadOnlyKey_AreRefused()
    {
        var elsewhere = await _world.SeedAsync(new IssueSeed(_world.OtherApp.Id, "elsewhere"));
        var issue = await SeedAtAsync("x");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, elsewhere.Id)).Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
            Assert.That((await _world.Service.ClaimAsync(_world.Outsider, _world.Project.Id, issue.Id)).Error, Is.EqualTo(IssueError.NotFound("Project not found")));
            Assert.That(
                (await _world.Service.ClaimAsync(_world.ReadOnlyAgent, _world.Project.Id, issue.Id, TimeSpan.FromDays(2))).Error,
                Is.EqualTo(IssueError.MissingPermission(IssuePermissions.Write)),
                "the permission before the duration");
            Assert.That(
                (await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, issue.Id, TimeSpan.FromSeconds(29))).Error,
                Is.EqualTo(IssueError.Invalid("duration_seconds must be between 30 and 86400")));
            Assert.That((await _world.Service.RenewClaimAsync(_world.Agent, _world.Project.Id, elsewhere.Id)).Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
            Assert.That((await _world.Service.ReleaseClaimAsync(_world.Agent, _world.Project.Id, elsewhere.Id)).Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
            Assert.That((await _world.Service.ReleaseClaimAsync(_world.ReadOnlyAgent, _world.Project.Id, issue.Id)).Error, Is.EqualTo(IssueError.MissingPermission(IssuePermissions.Write)));
            Assert.That((await _world.Service.RenewClaimAsync(_world.Outsider, _world.Project.Id, issue.Id)).Error, Is.EqualTo(IssueError.NotFound("Project not found")));
            Assert.That(
                (await _world.Service.RenewClaimAsync(_world.ReadOnlyAgent, _world.Project.Id, issue.Id, TimeSpan.FromDays(2))).Error,
                Is.EqualTo(IssueError.MissingPermission(IssuePermissions.Write)),
                "the permission before the duration, as when claiming");
            Assert.That(
                (await _world.Service.RenewClaimAsync(_world.Agent, _world.Project.Id, issue.Id, TimeSpan.FromDays(2))).Error,
                Is.EqualTo(IssueError.Invalid("duration_seconds must be between 30 and 86400")));
        }
    }

    [Test]
    public async Task ListAndGet_ShowActiveClaim_AndNoClaimOnceLapsed()
    {
        var issue = await SeedAtAsync("x");
        var claimed = await _world.Service.ClaimNextAsync(_world.Agent, _world.Project.Id, new IssueQuery(), TimeSpan.FromMinutes(1));

        var listed = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery());
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var listedAfter = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery());
        var detailAfter = await _world.Service.GetAsync(_world.Member, _world.Project.Id, issue.Id, new OccurrencePageRequest(null, null));

        Assert.That(listed.Value.Issues.Single().Issue.Claim, Is.EqualTo(claimed.Value.Issue.Claim));
        Assert.That(listedAfter.Value.Issues.Single().Issue.Claim, Is.Null);
        Assert.That(detailAfter.Value.Item.Issue.Claim, Is.Null);
    }

    [Test]
    public async Task ListAsync_ClaimFilter_KeepsTheCallersLiveClaims_AnyonesOrNone_AsOfTheServicesClock()
    {
        var brief = await SeedAtAsync("brief");
        var longer = await SeedAtAsync("longer");
        var members = await SeedAtAsync("member's");
        var free = await SeedAtAsync("free");
        await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, brief.Id, TimeSpan.FromMinutes(1));
        await _world.Service.ClaimAsync(_world.Agent, _world.Project.Id, longer.Id, TimeSpan.FromMinutes(10));
        await _world.Service.ClaimAsync(_world.Member, _world.Project.Id, members.Id);

        var mine = await ListIdsAsync(_world.Agent, ClaimFilter.Mine);
        var held = await ListIdsAsync(_world.Agent, ClaimFilter.Held);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var mineOnceOneLapsed = await ListIdsAsync(_world.Agent, ClaimFilter.Mine);
        var noneOnceOneLapsed = await ListIdsAsync(_world.Agent, ClaimFilter.None);

        Assert.That(mine, Is.EqualTo(new[] { longer.Id, brief.Id }), "claim=mine is not the caller's claims, most recently seen first");
        Assert.That(held, Is.EqualTo(new[] { members.Id, longer.Id, brief.Id }), "claim=held is not every live claim");
        Assert.That(mineOnceOneLapsed, Is.EqualTo(new[] { longer.Id }), "a claim that lapsed by the service's clock is still listed as the caller's");
        Assert.That(noneOnceOneLapsed, Is.EqualTo(new[] { free.Id, brief.Id }), "claim=none is not the unclaimed and lapsed issues");
    }

    [Test]
    public async Task ListAcrossTeamsAsync_ClaimMine_ListsTheCallersClaimsInEveryProjectOfItsTeams()
    {
        var here = await SeedAtAsync("here");
        await SeedAtAsync("not claimed");
        var inBothTeams = Actor.User(Guid.NewGuid(), "Bea Both", new Dictionary<Guid, TeamRole> { [_world.TeamId] = TeamRole.Member, [_world.OtherTeamId] = TeamRole.Member });
        var elsewhere = await _world.SeedAsync(new IssueSeed(_world.OtherApp.Id, "elsewhere"));
        await _world.Service.ClaimAsync(inBothTeams, _world.Project.Id, here.Id);
        await _world.Service.ClaimAsync(inBothTeams, _world.OtherProject.Id, elsewhere.Id);

        var mine = await _world.Service.ListAcrossTeamsAsync(inBothTeams, new TeamIssueQuery { Claim = ClaimFilter.Mine });

        Assert.That(mine.Value.Issues.Select(i => i.Issue.Id), Is.EquivalentTo(new[] { here.Id, elsewhere.Id }));
    }

    private async Task<List<Guid>> ListIdsAsync(Actor actor, ClaimFilter claim) =>
        [.. (await _world.Service.ListAsync(actor, _world.Project.Id, new IssueQuery { Claim = claim })).Value.Issues.Select(i => i.Issue.Id)];

    private DateTimeOffset Now => _world.Clock.GetUtcNow();

    private async Task<Issue> SeedAtAsync(string title)
    {
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        return await _world.SeedAsync(title);
    }
}
