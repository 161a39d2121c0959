using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task CountIssuesByStatus_ProjectsAppsAndSides_CountsOnlyTheFilteredIssuesPerStatus()
    {
        var (project, otherProject, app, otherApp) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var statuses = Enum.GetValues<IssueStatus>();
        var issues = Enumerable.Range(0, 40).Select(i => new IssueBuilder()
            .InProject(i % 5 == 0 ? otherProject : project)
            .ForApp(i % 3 == 0 ? otherApp : app)
            .AsDev(i % 4 == 0)
            .WithStatus(statuses[i % statuses.Length])
            .Build()).ToList();
        await InsertAllAsync(issues);
        IssueListFilter[] filters =
        [
            new([project]),
            new([project], AppId: app),
            new([project], IsDev: false),
            new([project, otherProject], AppId: otherApp, IsDev: true),
            new([project], Status: IssueStatus.New),
        ];

        foreach (var filter in filters)
        {
            var counted = await ReadAsync(reader => reader.CountIssuesByStatusAsync(filter));

            var expected = issues.Where(filter.Matches).GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
            Assert.That(counted, Is.EquivalentTo(expected), $"counts per status for {filter} (projects {string.Join(", ", filter.ProjectIds)})");
        }
    }

    [Test]
    public async Task CountIssuesByStatus_AfterStatusChangesAndADeletion_CountsTheIssuesAsTheyAreNow()
    {
        var project = Guid.NewGuid();
        var issues = await InsertAllAsync([.. Enumerable.Range(0, 4).Select(_ => new IssueBuilder().InProject(project).Build())]);

        await WriteAsync(async writer =>
        {
            await writer.UpdateIssueAsync(issues[0] with { Status = IssueStatus.Resolved });
            await writer.UpdateIssueAsync(issues[1] with { Status = IssueStatus.Resolved });
            await writer.UpdateIssueAsync(issues[1] with { Status = IssueStatus.Regressed });
            await writer.DeleteIssueAsync(issues[2].Id);
        });
        var counted = await ReadAsync(reader => reader.CountIssuesByStatusAsync(new IssueListFilter([project])));

        Assert.That(counted, Is.EquivalentTo(new Dictionary<IssueStatus, int>
        {
            [IssueStatus.New] = 1,
            [IssueStatus.Resolved] = 1,
            [IssueStatus.Regressed] = 1,
        }), "each issue counted once, under the status it has now");
    }

    [Test]
    public async Task CountIssuesByStatus_NoProjects_CountsNothing()
    {
        await InsertAsync(new IssueBuilder().Build());

        var counted = await ReadAsync(reader => reader.CountIssuesByStatusAsync(new IssueListFilter([])));

        Assert.That(counted, Is.Empty);
    }

    [Test]
    public async Task CountOccurrencesByDay_SinceATime_CountsEachAskedIssuesOccurrencesPerUtcDayFromThen()
    {
        var since = new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var (busy, quiet, notAsked) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            new OccurrenceBuilder(busy).At(since.AddMilliseconds(-1)).Build(),
            new OccurrenceBuilder(busy).At(since).Build(),
            new OccurrenceBuilder(busy).At(since.AddHours(23).AddMinutes(59)).Build(),
            new OccurrenceBuilder(busy).At(since.AddDays(3).AddHours(1)).Build(),
            new OccurrenceBuilder(busy).At(since.AddDays(3).AddHours(2)).Build(),
            new OccurrenceBuilder(busy).At(since.AddDays(3).AddHours(3)).Build(),
            new OccurrenceBuilder(quiet).At(since.AddDays(-5)).Build(),
            new OccurrenceBuilder(notAsked).At(since.AddDays(1)).Build(),
        ]));

        var counted = await ReadAsync(reader => reader.CountOccurrencesByDayAsync([busy, quiet, Guid.NewGuid(), busy], since));

        Assert.That(counted, Is.EquivalentTo(new[]
        {
            new IssueDayCount(busy, new DateOnly(2024, 1, 10), 2),
            new IssueDayCount(busy, new DateOnly(2024, 1, 13), 3),
        }), "one row per issue and day with occurrences at or after the time, none before it or of issues not asked");
    }

    [Test]
    public async Task CountOccurrencesByDay_AfterAMerge_CountsTheTargetsOccurrencesOnceAndNoneForTheSource()
    {
        var since = TestTimes.Base.AddDays(-1);
        var (from, to) = (Guid.NewGuid(), Guid.NewGuid());
        var source = Enumerable.Range(0, 3).Select(i => new OccurrenceBuilder(from).At(TestTimes.At(i)).Build()).ToList();
        var target = new OccurrenceBuilder(to).InSession(source[0].SessionId).At(TestTimes.Base.AddDays(-3)).Build();
        await WriteAsync(writer => writer.InsertOccurrencesAsync([.. source, target]));
        await WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));

        var counted = await ReadAsync(reader => reader.CountOccurrencesByDayAsync([from, to], since));

        Assert.That(counted, Is.EquivalentTo(new[] { new IssueDayCount(to, DateOnly.FromDateTime(TestTimes.Base.UtcDateTime), 2) }),
            "the target counts the source's occurrences of sessions it did not have, the source nothing");
    }

    [Test]
    public async Task SplitOccurrences_AfterAMerge_CountsEachValueOfTheTargetsOccurrencesNullsIncluded()
    {
        var (from, to, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        IssueOccurrence Occurrence(Guid issueId, string? appVersion, string? environment, string? country) =>
            new OccurrenceBuilder(issueId).WithVersions(appVersion, null).Build() with { Environment = environment, CountryCode = country };
        var shared = Occurrence(from, "9.9.9", "web", "FR");
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            Occurrence(to, "2.4.0", "ios", "DE"),
            Occurrence(to, "2.4.0", "ios", null),
            Occurrence(to, "2.5.0", null, "DE"),
            Occurrence(to, null, "ipados", "DE"),
            shared with { IssueId = to, Id = Guid.NewGuid(), AppVersion = "2.5.0" },
            Occurrence(from, "2.4.0", "macos", "US"),
            shared,
            Occurrence(other, "3.0.0", "android", "BR"),
        ]));
        await WriteAsync(writer => writer.MergeOccurrencesAsync(from, to));

        var split = await ReadAsync(reader => reader.SplitOccurrencesAsync(to));
        var unknown = await ReadAsync(reader => reader.SplitOccurrencesAsync(Guid.NewGuid()));

        Assert.That(split.ByAppVersion, Is.EquivalentTo(new[] { new ValueCount("2.4.0", 3), new ValueCount("2.5.0", 2), new ValueCount(null, 1) }),
            "app versions: the target's five and the source's one of a session the target did not have");
        Assert.That(split.ByEnvironment, Is.EquivalentTo(new[] { new ValueCount("ios", 2), new ValueCount("web", 1), new ValueCount("ipados", 1), new ValueCount("macos", 1), new ValueCount(null, 1) }));
        Assert.That(split.ByCountry, Is.EquivalentTo(new[] { new ValueCount("DE", 3), new ValueCount("FR", 1), new ValueCount("US", 1), new ValueCount(null, 1) }));
        Assert.That(new[] { unknown.ByAppVersion, unknown.ByEnvironment, unknown.ByCountry }, Has.All.Empty, "an issue without occurrences");
    }
}
