using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Services;

public sealed class IssueServiceListingTests
{
    private TeamWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new TeamWorld();

    [Test]
    public async Task ListAsync_Default_OrdersByLastSeenThenIdDescending()
    {
        var older = await SeedAtAsync(TestTimes.ClockStart);
        var newer = await SeedAtAsync(TestTimes.ClockStart.AddMinutes(5));
        var tieA = await SeedAtAsync(TestTimes.ClockStart.AddMinutes(2));
        var tieB = await SeedAtAsync(TestTimes.ClockStart.AddMinutes(2));
        var ties = new[] { tieA, tieB }.OrderByDescending(i => i.Id).ToArray();

        var page = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery());

        Assert.That(page.Value.Issues.Select(i => i.Issue.Id), Is.EqualTo(new[] { newer.Id, ties[0].Id, ties[1].Id, older.Id }));
        Assert.That(page.Value.HasMore, Is.False);
        Assert.That(page.Value.Cursor, Is.Null);
    }

    [TestCaseSource(nameof(Sorts))]
    public async Task ListAsync_WalkingEveryPage_ReturnsEachIssueOnceInOrder(IssueSort sort)
    {
        var seeded = new List<Issue>();
        for (var i = 0; i < 23; i++)
        {
            // Few distinct times and counts, so most issues tie on the sort value and the id decides.
            var seenAt = TestTimes.ClockStart.AddMinutes(i % 4);
            var occurrences = Enumerable.Range(0, 1 + (i % 3)).Select(n => new OccurrenceSeed { UserId = $"u{n}", Timestamp = seenAt }).ToArray();
            seeded.Add(await _world.SeedAsync(new IssueSeed(_world.App.Id, $"issue {i}") { Occurrences = occurrences }));
        }

        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Sort = sort, Limit = 5, Cursor = cursor })).Value;
            walked.AddRange(page.Issues.Select(i => i.Issue.Id));
            cursor = page.Cursor;
            Assert.That(page.HasMore, Is.EqualTo(cursor is not null));
            pages++;
        }
        while (cursor is not null && pages < 100);

        var expected = seeded.OrderByDescending(i => sort.KeyOf(i)).Select(i => i.Id);
        Assert.That(walked, Is.EqualTo(expected), $"walk in {sort.ToWireName()} order");
        Assert.That(pages, Is.EqualTo(5));
    }

    [Test]
    public async Task ListAsync_MalformedCursor_IsInvalid()
    {
        var result = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Cursor = "not-a-cursor!" });

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("Invalid cursor")));
    }

    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public async Task ListAsync_CursorBeyondAnyTime_IsInvalid(long value)
    {
        var cursor = KeysetCursor.Encode("last_seen", new KeysetKey(value, Guid.NewGuid()));

        var result = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Cursor = cursor });

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("Invalid cursor")));
    }

    [Test]
    public async Task ListAsync_CursorOfAnotherSort_IsInvalid()
    {
        for (var i = 0; i < 3; i++)
        {
            await _world.SeedAsync($"issue {i}");
        }

        var first = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Limit = 1 });
        var result = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Sort = IssueSort.Users, Cursor = first.Value.Cursor });

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Invalid));
    }

    [TestCase(0, 1)]
    [TestCase(-5, 1)]
    [TestCase(1000, 200)]
    [TestCase(null, 50)]
    public async Task ListAsync_Limit_IsClamped(int? limit, int expectedPageSize)
    {
        for (var i = 0; i < 210; i++)
        {
            await _world.SeedAsync($"issue {i}");
        }

        var page = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Limit = limit });

        Assert.That(page.Value.Issues, Has.Count.EqualTo(expectedPageSize));
    }

    [Test]
    public async Task ListAsync_StatusFilter_ReturnsOnlyThatStatus()
    {
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "new"));
        var silenced = await _world.SeedAsync(new IssueSeed(_world.App.Id, "quiet") { Status = IssueStatus.Silenced });

        var page = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { Status = IssueStatus.Silenced });

        Assert.That(page.Value.Issues.Select(i => i.Issue.Id), Is.EqualTo(new[] { silenced.Id }));
    }

    [Test]
    public async Task ListAsync_DevFilters_IsDevWinsOverDataModeAndDefaultIsAll()
    {
        var prod = await _world.SeedAsync(new IssueSeed(_world.App.Id, "prod"));
        var dev = await _world.SeedAsync(new IssueSeed(_world.App.Id, "dev") { IsDev = true });

        var all = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery());
        var devOnly = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { DataMode = DataMode.Development });
        var precedence = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { IsDev = false, DataMode = DataMode.Development });

        Assert.That(all.Value.Issues.Select(i => i.Issue.Id), Is.EquivalentTo(new[] { prod.Id, dev.Id }));
        Assert.That(devOnly.Value.Issues.Select(i => i.Issue.Id), Is.EqualTo(new[] { dev.Id }));
        Assert.That(precedence.Value.Issues.Select(i => i.Issue.Id), Is.EqualTo(new[] { prod.Id }));
    }

    [Test]
    public async Task ListAsync_AppOfAnotherProject_IsEmptyPage()
    {
        await _world.SeedAsync();

        var page = await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery { AppId = _world.OtherApp.Id });

        Assert.That(page.Value.Issues, Is.Empty);
    }

    [Test]
    public async Task ListAsync_Items_CarryAppNameButNoProjectName()
    {
        await _world.SeedAsync();

        var item = (await _world.Service.ListAsync(_world.Member, _world.Project.Id, new IssueQuery())).Value.Issues.Single();

        Assert.That(item.AppName, Is.EqualTo("iOS App"));
        Assert.That(item.ProjectName, Is.Null);
    }

    [Test]
    public async Task ListAsync_Outsider_IsProjectNotFound()
    {
        var result = await _world.Service.ListAsync(_world.Outsider, _world.Project.Id, new IssueQuery());

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Project not found")));
    }

    [Test]
    public async Task ListAsync_ClientKey_IsMissingReadPermission()
    {
        var result = await _world.Service.ListAsync(_world.Client, _world.Project.Id, new IssueQuery());

        Assert.That(result.Error, Is.EqualTo(IssueError.Forbidden("Missing permission: issues:read")));
    }

    [Test]
    public async Task ListAcrossTeamsAsync_UserInTwoTeams_ListsBothWithProjectNamesAndProductionByDefault()
    {
        var mine = await _world.SeedAsync();
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "dev one") { IsDev = true });
        var theirs = await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));
        var both = Actor.User(Guid.NewGuid(), "Both", new Dictionary<Guid, TeamRole> { [_world.TeamId] = TeamRole.Member, [_world.OtherTeamId] = TeamRole.Member });

        var page = await _world.Service.ListAcrossTeamsAsync(both, new TeamIssueQuery());

        Assert.That(page.Value.Issues.Select(i => (i.Issue.Id, i.ProjectName)),
            Is.EquivalentTo(new[] { (mine.Id, (string?)"Shop"), (theirs.Id, (string?)"Elsewhere") }));
    }

    [Test]
    public async Task ListAcrossTeamsAsync_TeamCallerIsNotIn_IsEmptyPage()
    {
        await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));

        var page = await _world.Service.ListAcrossTeamsAsync(_world.Member, new TeamIssueQuery { TeamId = _world.OtherTeamId });

        Assert.That(page.Value.Issues, Is.Empty);
    }

    [Test]
    public async Task ListAcrossTeamsAsync_ProjectFilter_NarrowsToThatProject()
    {
        var second = _world.Issues.AddProject(_world.TeamId, "Second");
        var secondApp = _world.Issues.AddApp(second.Id, "Web");
        await _world.SeedAsync();
        var wanted = await _world.Issues.SeedIssueAsync(new IssueSeed(secondApp.Id, "web error"));

        var page = await _world.Service.ListAcrossTeamsAsync(_world.Agent, new TeamIssueQuery { ProjectId = second.Id });

        Assert.That(page.Value.Issues.Select(i => i.Issue.Id), Is.EqualTo(new[] { wanted.Id }));
    }

    [Test]
    public async Task GetAsync_WalkingOccurrencePages_ReturnsEachOnceNewestFirstWithTies()
    {
        var seeds = Enumerable.Range(0, 17)
            .Select(i => new OccurrenceSeed { Timestamp = TestTimes.ClockStart.AddSeconds(i % 3) })
            .ToArray();
        var issue = await _world.SeedAsync("many", seeds);
        var expected = (await _world.Issues.Store.ReadAsync(r => r.GetAllOccurrencesAsync(issue.Id)))
            .OrderByDescending(KeysetKey.Of).Select(o => o.Id).ToList();

        var walked = new List<Guid>();
        string? cursor = null;
        do
        {
            var detail = (await _world.Service.GetAsync(_world.Member, _world.Project.Id, issue.Id, new OccurrencePageRequest(cursor, 4))).Value;
            walked.AddRange(detail.Occurrences.Select(o => o.Id));
            cursor = detail.OccurrenceCursor;
        }
        while (cursor is not null && walked.Count < 100);

        Assert.That(walked, Is.EqualTo(expected));
    }

    [Test]
    public async Task GetAsync_MalformedOccurrenceCursor_IsInvalid()
    {
        var issue = await _world.SeedAsync();

        var result = await _world.Service.GetAsync(_world.Member, _world.Project.Id, issue.Id, new OccurrencePageRequest("%%%"));

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("Invalid occurrence_cursor")));
    }

    [Test]
    public async Task GetAsync_IssueCursorAsOccurrenceCursor_IsInvalid()
    {
        var issue = await _world.SeedAsync();
        var issueCursor = KeysetCursor.Encode(IssueSort.LastSeen.ToWireName(), IssueSort.LastSeen.KeyOf(issue));

        var result = await _world.Service.GetAsync(_world.Member, _world.Project.Id, issue.Id, new OccurrencePageRequest(issueCursor));

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Invalid));
    }

    [Test]
    public async Task GetAsync_IssueOfAnotherProject_IsNotFound()
    {
        var foreign = await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));

        var result = await _world.Service.GetAsync(_world.Owner, _world.Project.Id, foreign.Id, new OccurrencePageRequest());

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
    }

    [Test]
    public async Task GetAsync_Attachments_NewestHundredUploadedNonDeleted()
    {
        var issue = await _world.SeedAsync();
        var attachments = Enumerable.Range(0, 105).Select(i => new IssueAttachment
        {
            Id = Guid.NewGuid(), ProjectId = _world.Project.Id, AppId = _world.App.Id, IssueId = issue.Id,
            ClientEventId = Guid.NewGuid(), EventId = Guid.NewGuid(), OriginalFilename = $"log{i}.txt", ContentType = "text/plain",
            SizeBytes = i + 1, Sha256 = new string('0', 64), CreatedAt = TestTimes.ClockStart.AddSeconds(i),
            UploadedAt = i == 103 ? null : TestTimes.ClockStart.AddSeconds(i), DeletedAt = i == 104 ? TestTimes.ClockStart : null,
        }).ToList();
        await _world.Issues.Store.WriteAsync(async w =>
        {
            foreach (var attachment in attachments)
            {
                await w.UpsertAttachmentAsync(attachment);
            }
        });

        var detail = (await _world.Service.GetAsync(_world.Member, _world.Project.Id, issue.Id, new OccurrencePageRequest())).Value;

        Assert.That(detail.Attachments, Has.Count.EqualTo(100));
        Assert.That(detail.Attachments[0].OriginalFilename, Is.EqualTo("log102.txt"), "newest uploaded non-deleted first");
    }

    private static IEnumerable<IssueSort> Sorts() => Enum.GetValues<IssueSort>();

    private Task<Issue> SeedAtAsync(DateTimeOffset seenAt) =>
        _world.SeedAsync($"at {seenAt:O}", new OccurrenceSeed { Timestamp = seenAt });
}
