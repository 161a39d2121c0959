using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    private const int PageSize = 7;

    private static readonly IssueListFilter s_bothProjects = new([TestIds.Project, TestIds.OtherProject]);
    private static readonly Guid s_claimHolder = Guid.NewGuid();

    [Test]
    public async Task ListIssues_WalkedPageByPage_ReturnsEveryIssueOnceInReferenceOrder([Values] IssueSort sort)
    {
        var issues = await InsertAllAsync(TiedIssues());

        var walked = await WalkAsync(s_bothProjects, sort);

        AssertReferenceOrder(walked, issues, s_bothProjects, sort);
    }

    [Test]
    public async Task ListIssues_StatusFilter_ReturnsOnlyThatStatusInReferenceOrder([Values(IssueStatus.New, IssueStatus.Resolved)] IssueStatus status)
    {
        var issues = await InsertAllAsync(TiedIssues());
        var filter = s_bothProjects with { Status = status };

        var walked = await WalkAsync(filter, IssueSort.LastSeen);

        AssertReferenceOrder(walked, issues, filter, IssueSort.LastSeen);
    }

    [Test]
    public async Task ListIssues_AppFilter_ReturnsOnlyThatAppInReferenceOrder()
    {
        var issues = await InsertAllAsync(TiedIssues());
        var filter = s_bothProjects with { AppId = TestIds.OtherApp };

        var walked = await WalkAsync(filter, IssueSort.Occurrences);

        AssertReferenceOrder(walked, issues, filter, IssueSort.Occurrences);
    }

    [Test]
    public async Task ListIssues_IsDevFilter_ReturnsOnlyThatSideInReferenceOrder([Values] bool isDev)
    {
        var issues = await InsertAllAsync(TiedIssues());
        var filter = s_bothProjects with { IsDev = isDev };

        var walked = await WalkAsync(filter, IssueSort.FirstSeen);

        AssertReferenceOrder(walked, issues, filter, IssueSort.FirstSeen);
    }

    [Test]
    public async Task ListIssues_AllFiltersTogether_ReturnsTheIntersectionInReferenceOrder()
    {
        var issues = await InsertAllAsync(TiedIssues());
        var filter = new IssueListFilter([TestIds.OtherProject], IssueStatus.New, TestIds.App, IsDev: false);

        var walked = await WalkAsync(filter, IssueSort.Users);

        AssertReferenceOrder(walked, issues, filter, IssueSort.Users);
    }

    [Test]
    public async Task ListIssues_ClaimCondition_ReturnsOnlyThoseClaimsAsOfItsNow_InReferenceOrder(
        [Values] ClaimFilter kept, [Values(IssueSort.LastSeen, IssueSort.Occurrences)] IssueSort sort)
    {
        var issues = await InsertAllAsync(ClaimedTiedIssues());
        var (condition, expected) = kept switch
        {
            ClaimFilter.Mine => (IssueClaimCondition.ClaimedBy(ActorKind.Agent, s_claimHolder, TestTimes.Base), issues.Where((_, i) => i % 6 == 0)),
            ClaimFilter.Held => (IssueClaimCondition.Claimed(TestTimes.Base), issues.Where((_, i) => i % 6 is 0 or 2 or 3)),
            _ => (IssueClaimCondition.Unclaimed(TestTimes.Base), issues.Where((_, i) => i % 6 is 1 or 4 or 5)),
        };

        var walked = await WalkAsync(s_bothProjects with { Claim = condition }, sort);

        AssertReferenceOrder(walked, expected, s_bothProjects, sort);
    }

    [Test]
    public async Task ListIssues_ClaimConditionWithTheOtherFilters_ReturnsTheIntersectionInReferenceOrder()
    {
        var issues = await InsertAllAsync(ClaimedTiedIssues());
        var others = new IssueListFilter([TestIds.OtherProject, TestIds.Project], IssueStatus.New, TestIds.App, IsDev: false);

        var walked = await WalkAsync(others with { Claim = IssueClaimCondition.Unclaimed(TestTimes.Base) }, IssueSort.FirstSeen);

        AssertReferenceOrder(walked, issues.Where((_, i) => i % 6 is 1 or 4 or 5), others, IssueSort.FirstSeen);
    }

    [Test]
    public async Task ListIssues_OneOfSeveralProjects_ReturnsOnlyThatProject()
    {
        var issues = await InsertAllAsync(TiedIssues());
        var filter = new IssueListFilter([TestIds.OtherProject]);

        var walked = await WalkAsync(filter, IssueSort.LastActivity);

        AssertReferenceOrder(walked, issues, filter, IssueSort.LastActivity);
    }

    [Test]
    public async Task ListIssues_NoProjects_ReturnsNothing()
    {
        await InsertAllAsync(TiedIssues());

        var listed = await ReadAsync(reader => reader.ListIssuesAsync(new IssueListFilter([]), IssueSort.LastSeen, after: null, take: 50));

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task ListIssues_TakeZero_ReturnsNothing()
    {
        await InsertAllAsync(TiedIssues());

        var listed = await ReadAsync(reader => reader.ListIssuesAsync(s_bothProjects, IssueSort.LastSeen, after: null, take: 0));

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task ListIssues_AfterUpdateChangesSortValue_ListsIssueAtItsNewPosition()
    {
        var older = await InsertAsync(new IssueBuilder().WithLastSeenAt(TestTimes.At(1)).Build());
        var newer = await InsertAsync(new IssueBuilder().WithLastSeenAt(TestTimes.At(2)).Build());
        await WriteAsync(writer => writer.UpdateIssueAsync(older with { LastSeenAt = TestTimes.At(3) }));

        var listed = await ReadAsync(reader => reader.ListIssuesAsync(new IssueListFilter([TestIds.Project]), IssueSort.LastSeen, after: null, take: 10));

        Assert.That(listed.Select(i => i.Id), Is.EqualTo(new[] { older.Id, newer.Id }), "the updated issue did not move to the top");
    }

    [Test]
    public async Task ListIssues_AfterDelete_OmitsTheIssue()
    {
        var kept = await InsertAsync(new IssueBuilder().Build());
        var deleted = await InsertAsync(new IssueBuilder().Build());
        await WriteAsync(writer => writer.DeleteIssueAsync(deleted.Id));

        var listed = await ReadAsync(reader => reader.ListIssuesAsync(new IssueListFilter([TestIds.Project]), IssueSort.LastSeen, after: null, take: 10));

        Assert.That(listed.Select(i => i.Id), Is.EqualTo(new[] { kept.Id }));
    }

    [Test]
    public async Task ListIssues_CursorOfAnIssueDeletedSince_ContinuesAfterIt()
    {
        var issues = await InsertAllAsync([.. Enumerable.Range(0, 5).Select(i => new IssueBuilder().WithLastSeenAt(TestTimes.At(i)).Build())]);
        var filter = new IssueListFilter([TestIds.Project]);
        var firstPage = await ReadAsync(reader => reader.ListIssuesAsync(filter, IssueSort.LastSeen, after: null, take: 2));
        await WriteAsync(writer => writer.DeleteIssueAsync(firstPage[^1].Id));

        var secondPage = await ReadAsync(reader => reader.ListIssuesAsync(filter, IssueSort.LastSeen, IssueSort.LastSeen.KeyOf(firstPage[^1]), take: 2));

        Assert.That(secondPage.Select(i => i.Id), Is.EqualTo(new[] { issues[2].Id, issues[1].Id }));
    }

    /// <summary>
    /// 96 issues over two projects, two apps, dev and prod and two statuses, with sort values drawn from tiny sets
    /// (so most of them tie and the id decides), including a time before 1970 and the largest count.
    /// </summary>
    private static List<Issue> TiedIssues()
    {
        DateTimeOffset[] times = [new DateTimeOffset(1969, 7, 20, 20, 17, 0, TimeSpan.Zero), TestTimes.At(0), TestTimes.At(1)];
        int[] counts = [0, 1, int.MaxValue];
        var random = new Random(20240115);
        return [.. Enumerable.Range(0, 96).Select(i => new IssueBuilder()
            .InProject(i % 2 == 0 ? TestIds.Project : TestIds.OtherProject)
            .ForApp(i % 3 == 0 ? TestIds.OtherApp : TestIds.App)
            .AsDev(i % 4 < 2)
            .WithStatus(i % 5 == 0 ? IssueStatus.Resolved : IssueStatus.New)
            .WithLastSeenAt(times[random.Next(times.Length)])
            .WithFirstSeenAt(times[random.Next(times.Length)])
            .WithUpdatedAt(times[random.Next(times.Length)])
            .WithOccurrenceCount(counts[random.Next(counts.Length)])
            .WithUniqueUserCount(counts[random.Next(counts.Length)])
            .Build())];
    }

    /// <summary>
    /// <see cref="TiedIssues"/>, by index modulo 6: 0 live claim of the agent <see cref="s_claimHolder"/> at
    /// <see cref="TestTimes.Base"/>, 1 its claim lapsing exactly then, 2 another agent's live claim, 3 a live claim of a
    /// user with the holder's id, 4 none, 5 another agent's claim lapsed long before.
    /// </summary>
    private static List<Issue> ClaimedTiedIssues()
    {
        var live = new IssueClaim(ActorKind.Agent, s_claimHolder, "holder", TestTimes.At(-60_000), TestTimes.At(60_000));
        IssueClaim?[] claims =
        [
            live,
            live with { ExpiresAt = TestTimes.Base },
            live with { HolderId = Guid.NewGuid(), HolderName = "other" },
            live with { HolderKind = ActorKind.User, HolderName = "same id" },
            null,
            live with { HolderId = Guid.NewGuid(), HolderName = "gone", ExpiresAt = TestTimes.At(-30_000) },
        ];
        return [.. TiedIssues().Select((issue, i) => issue with { Claim = claims[i % 6] })];
    }

    private async Task<List<Issue>> WalkAsync(IssueListFilter filter, IssueSort sort)
    {
        var walked = new List<Issue>();
        KeysetKey? after = null;
        while (true)
        {
            var page = await ReadAsync(reader => reader.ListIssuesAsync(filter, sort, after, PageSize));
            walked.AddRange(page);
            if (page.Count < PageSize)
            {
                return walked;
            }

            after = sort.KeyOf(page[^1]);
        }
    }

    private static void AssertReferenceOrder(List<Issue> walked, IEnumerable<Issue> all, IssueListFilter filter, IssueSort sort)
    {
        var expected = all.Where(filter.Matches).OrderByDescending(issue => sort.KeyOf(issue)).Select(issue => issue.Id).ToList();
        Assert.That(expected, Is.Not.Empty, "the test data has no issue passing this filter");
        Assert.That(walked.Select(issue => issue.Id), Is.EqualTo(expected),
            $"walking the '{sort.ToWireName()}' list {PageSize} at a time did not return every matching issue once, in (value, id) descending order");
    }
}
