using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Services;

public sealed class IssueServiceCountTests
{
    private TeamWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new TeamWorld();

    [Test]
    public async Task CountAsync_IssuesInSeveralStatuses_GivesEveryStatusAndTheTotal()
    {
        await _world.SeedAsync();
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "two") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "three") { Status = IssueStatus.Resolved, ResolvedAtVersion = "1.0" });
        await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "another team's"));

        var counts = await _world.Service.CountAsync(_world.Member, _world.Project.Id, new IssueQuery { Status = IssueStatus.Silenced });

        Assert.That(counts.Value.Total, Is.EqualTo(3));
        Assert.That(counts.Value.ByStatus, Is.EquivalentTo(new Dictionary<IssueStatus, int>
        {
            [IssueStatus.New] = 1, [IssueStatus.InProgress] = 0, [IssueStatus.Resolved] = 2,
            [IssueStatus.Silenced] = 0, [IssueStatus.Regressed] = 0, [IssueStatus.Snoozed] = 0,
        }), "every status, the query's own status ignored");
    }

    [Test]
    public async Task CountAsync_DataModeAndApp_CountAsTheListFilters()
    {
        var web = _world.Issues.AddApp(_world.Project.Id, "Web");
        await _world.SeedAsync();
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "dev") { IsDev = true });
        await _world.SeedAsync(new IssueSeed(web.Id, "web"));

        var production = await _world.Service.CountAsync(_world.Member, _world.Project.Id, new IssueQuery { DataMode = DataMode.Production });
        var ofWeb = await _world.Service.CountAsync(_world.Member, _world.Project.Id, new IssueQuery { AppId = web.Id });
        var all = await _world.Service.CountAsync(_world.Member, _world.Project.Id, new IssueQuery());

        Assert.That((production.Value.Total, ofWeb.Value.Total, all.Value.Total), Is.EqualTo((2, 1, 3)));
    }

    [Test]
    public async Task CountAsync_Outsider_IsProjectNotFound()
    {
        var result = await _world.Service.CountAsync(_world.Outsider, _world.Project.Id, new IssueQuery());

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Project not found")));
    }

    [Test]
    public async Task CountAcrossTeamsAsync_TeamCallerIsNotIn_CountsNothing()
    {
        await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));

        var counts = await _world.Service.CountAcrossTeamsAsync(_world.Member, new TeamIssueQuery { TeamId = _world.OtherTeamId });

        Assert.That(counts.Value.Total, Is.Zero);
    }

    [Test]
    public async Task CountAcrossTeamsAsync_Default_CountsProductionIssuesOfTheCallersTeams()
    {
        await _world.SeedAsync();
        await _world.SeedAsync(new IssueSeed(_world.App.Id, "dev") { IsDev = true });
        await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));

        var counts = await _world.Service.CountAcrossTeamsAsync(_world.Member, new TeamIssueQuery());

        Assert.That(counts.Value.Total, Is.EqualTo(1));
        Assert.That(counts.Value.ByStatus[IssueStatus.New], Is.EqualTo(1));
    }

    [Test]
    public async Task CountAcrossTeamsAsync_ClientKey_IsMissingReadPermission()
    {
        var result = await _world.Service.CountAcrossTeamsAsync(_world.Client, new TeamIssueQuery());

        Assert.That(result.Error, Is.EqualTo(IssueError.Forbidden("Missing permission: issues:read")));
    }

    [Test]
    public async Task GetDailyCountsAsync_SeveralIssues_GivesFourteenDaysOfEachVisibleOneInTheOrderAsked()
    {
        var today = TestTimes.ClockStart;
        var busy = await _world.SeedAsync("busy",
            new OccurrenceSeed { Timestamp = today }, new OccurrenceSeed { Timestamp = today.AddHours(-1) },
            new OccurrenceSeed { Timestamp = today.AddDays(-13) }, new OccurrenceSeed { Timestamp = today.AddDays(-14) });
        var quiet = await _world.SeedAsync("quiet", new OccurrenceSeed { Timestamp = today.AddDays(-20) });
        var theirs = await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs") { Occurrences = [new OccurrenceSeed { Timestamp = today }] });

        var result = await _world.Service.GetDailyCountsAsync(_world.Member, [quiet.Id, theirs.Id, Guid.NewGuid(), busy.Id]);

        Assert.That(result.Value.Select(c => c.IssueId), Is.EqualTo(new[] { quiet.Id, busy.Id }), "the visible issues, in the order asked");
        var days = result.Value[1].DailyCounts;
        Assert.That(days.Select(d => d.Date), Is.EqualTo(Enumerable.Range(-13, 14).Select(i => DateOnly.FromDateTime(today.UtcDateTime).AddDays(i))));
        Assert.That(days.Select(d => d.Count), Is.EqualTo(new[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 }), "the 15th day back is outside the chart");
        Assert.That(result.Value[0].DailyCounts.Sum(d => d.Count), Is.Zero);
    }

    [Test]
    public async Task GetDailyCountsAsync_MoreThanTwoHundred_IsInvalid()
    {
        var result = await _world.Service.GetDailyCountsAsync(_world.Member, [.. Enumerable.Range(0, 201).Select(_ => Guid.NewGuid())]);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("ids names 201 issues: at most 200")));
    }

    [Test]
    public async Task GetDailyCountsAsync_ClientKey_IsMissingReadPermission()
    {
        var result = await _world.Service.GetDailyCountsAsync(_world.Client, [Guid.NewGuid()]);

        Assert.That(result.Error, Is.EqualTo(IssueError.Forbidden("Missing permission: issues:read")));
    }
}
