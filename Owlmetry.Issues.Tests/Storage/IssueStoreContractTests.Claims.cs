using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    private const int ClaimedIssues = 10;
    private const int Claimers = 20;

    [Test]
    public async Task UpdateIssue_SetsThenClearsClaim_RoundTripsBoth()
    {
        var issue = await InsertAsync(new IssueBuilder().Build());
        var claim = new IssueClaim(ActorKind.User, Guid.NewGuid(), "Mia Member", TestTimes.At(10), TestTimes.At(60_010));

        await WriteAsync(writer => writer.UpdateIssueAsync(issue with { Claim = claim }));
        var claimed = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        await WriteAsync(writer => writer.UpdateIssueAsync(claimed! with { Claim = null }));
        var released = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));

        Assert.That(claimed?.Claim, Is.EqualTo(claim), "the stored claim came back different");
        Assert.That(released, Is.EqualTo(issue).UsingPropertiesComparer(), "clearing the claim did not give the unclaimed issue back");
    }

    [Test]
    public async Task EndClaimsHeldByAsync_EndsThatHoldersClaimsInTheProjects_LapsedOrNot_AndNoOtherClaim()
    {
        var holderId = Guid.NewGuid();
        var held = new IssueClaim(ActorKind.Agent, holderId, "doomed", TestTimes.At(0), TestTimes.At(60_000));
        var ending = await InsertAllAsync([Claimed(TestIds.Project, held), Claimed(TestIds.Project, held with { ExpiresAt = TestTimes.At(1) })]);
        var keeping = await InsertAllAsync(
        [
            Claimed(TestIds.OtherProject, held),
            Claimed(TestIds.Project, held with { HolderKind = ActorKind.User }),
            Claimed(TestIds.Project, held with { HolderId = Guid.NewGuid() }),
        ]);

        var ended = await WriteAsync(writer => writer.EndClaimsHeldByAsync(ActorKind.Agent, holderId, [TestIds.Project]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ended, Is.EqualTo(2), "the count of ended claims");
            Assert.That(await FindAllAsync(ending), Is.EqualTo(ending.Select(i => i with { Claim = null })).UsingPropertiesComparer(),
                "the holder's claims in the project, active and lapsed, did not end, or more than the claim changed");
            Assert.That(await FindAllAsync(keeping), Is.EqualTo(keeping).UsingPropertiesComparer(),
                "a claim ended that was not the holder's in the project: another project's, a user's with the same id, or another key's");
        }
    }

    [Test]
    public async Task ClaimNextAsync_TwentyConcurrentClaimersOverTenIssues_HandEachIssueOutOnce()
    {
        var teamId = Guid.NewGuid();
        var directory = new InMemoryIssueDirectory();
        directory.AddProject(new ProjectInfo(TestIds.Project, teamId, "Shop", null));
        var service = new IssueService(Store, directory, new FakeTimeProvider(TestTimes.Base), Options.Create(new IssuesOptions()));
        var issues = await InsertAllAsync([.. Enumerable.Range(0, ClaimedIssues).Select(i => new IssueBuilder().WithLastSeenAt(TestTimes.At(i)).Build())]);
        var agents = Enumerable.Range(0, Claimers)
            .Select(i => Actor.Agent(Guid.NewGuid(), $"agent-{i}", teamId, [IssuePermissions.Read, IssuePermissions.Write]))
            .ToList();

        var results = await Task.WhenAll(agents.Select(agent => Task.Run(() => service.ClaimNextAsync(agent, TestIds.Project, new IssueQuery()))));

        var handedOut = results.Where(r => r.IsSuccess).Select(r => r.Value.Issue.Id).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(handedOut, Is.Unique, "an issue was handed to two claimers");
            Assert.That(handedOut, Is.EquivalentTo(issues.Select(i => i.Id)), "not every issue was handed out");
            Assert.That(results.Where(r => !r.IsSuccess).Select(r => r.Error).ToList(), Has.Count.EqualTo(Claimers - ClaimedIssues).And.All.EqualTo(IssueError.NotFound("No unclaimed issue matches")));
        }

        var stored = await ReadAsync(reader => reader.ListIssuesAsync(new IssueListFilter([TestIds.Project]), IssueSort.LastSeen, after: null, take: int.MaxValue));
        var holderOf = results.Where(r => r.IsSuccess).ToDictionary(r => r.Value.Issue.Id, r => r.Value.Issue.Claim!.HolderId);
        Assert.That(stored.ToDictionary(i => i.Id, i => i.Claim?.HolderId), Is.EquivalentTo(holderOf.ToDictionary(p => p.Key, p => (Guid?)p.Value)), "the stored holders differ from the answers");
    }

    [Test]
    public async Task ClaimAsync_TwentyConcurrentClaimersOfOneFreeIssue_ExactlyOneHoldsIt([Values] bool formerClaimLapsed)
    {
        var teamId = Guid.NewGuid();
        var directory = new InMemoryIssueDirectory();
        directory.AddProject(new ProjectInfo(TestIds.Project, teamId, "Shop", null));
        var service = new IssueService(Store, directory, new FakeTimeProvider(TestTimes.Base), Options.Create(new IssuesOptions()));
        var lapsed = new IssueClaim(ActorKind.Agent, Guid.NewGuid(), "gone", TestTimes.At(-60_000), TestTimes.Base);
        var issue = await InsertAsync(new IssueBuilder().Build() with { Claim = formerClaimLapsed ? lapsed : null });
        var agents = Enumerable.Range(0, Claimers)
            .Select(i => Actor.Agent(Guid.NewGuid(), $"agent-{i}", teamId, [IssuePermissions.Read, IssuePermissions.Write]))
            .ToList();

        var results = await Task.WhenAll(agents.Select(agent => Task.Run(() => service.ClaimAsync(agent, TestIds.Project, issue.Id))));

        var winners = results.Where(r => r.IsSuccess).Select(r => r.Value.Issue.Claim!).ToList();
        Assert.That(winners, Has.Count.EqualTo(1), "not exactly one of the concurrent claimers got the issue");
        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Claim, Is.EqualTo(winners[0]), "the stored claim is not the one answered");
            Assert.That(results.Where(r => !r.IsSuccess).Select(r => r.Error!.Message).ToList(),
                Has.Count.EqualTo(Claimers - 1).And.All.StartsWith($"Issue is claimed by agent '{winners[0].HolderName}' ({winners[0].HolderId})"),
                "the others were not refused naming the holder");
        }
    }

    private static Issue Claimed(Guid projectId, IssueClaim claim) => new IssueBuilder().InProject(projectId).Build() with { Claim = claim };

    private Task<List<Issue?>> FindAllAsync(IEnumerable<Issue> issues) => ReadAsync(async reader =>
    {
        var found = new List<Issue?>();
        foreach (var issue in issues)
        {
            found.Add(await reader.FindIssueAsync(issue.Id));
        }

        return found;
    });
}
