using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Jobs;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>Who may trigger, list and read a team's scan jobs, decided by the library from the actor alone: no HTTP.</summary>
public sealed class ScanJobsAccessTests
{
    private TeamWorld _world = null!;
    private ScanJobs _jobs = null!;
    private ScanRunHistory _history = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new TeamWorld();
        var options = Options.Create(new IssuesOptions());
        _jobs = new ScanJobs(_world.Issues.Scanner, _world.Issues.Store, _world.Issues.Directory, _world.Clock);
        _history = new ScanRunHistory(_jobs, _world.Issues.Store, options);
    }

    [Test]
    public async Task TriggerAsync_AdminOrAgentWithJobsWrite_RunsAndRecordsTheTeamsScan()
    {
        var agent = Actor.Agent(Guid.NewGuid(), "ops-bot", _world.TeamId, [IssuePermissions.JobsWrite]);

        var byAdmin = await _jobs.TriggerAsync(_world.Admin, _world.TeamId, ScanJobs.IssueScanJobType);
        var byAgent = await _jobs.TriggerAsync(agent, _world.TeamId, ScanJobs.IssueScanJobType);

        Assert.That(byAdmin.Value.TriggeredByTeamId, Is.EqualTo(_world.TeamId));
        Assert.That(byAgent.Value.Status, Is.EqualTo(ScanRunStatus.Completed));
    }

    [Test]
    public async Task TriggerAsync_AnotherTeamsEventsPending_ScansThemButCountsOnlyTheTeamsOwn()
    {
        var session = Guid.NewGuid();
        await IngestAsync(_world.App, ScanWorld.Error("Checkout failed", session), ScanWorld.Error("Checkout failed", Guid.NewGuid()));
        await IngestAsync(_world.OtherApp, ScanWorld.Error("Sync failed", Guid.NewGuid()), ScanWorld.Error("Upload failed", Guid.NewGuid()), ScanWorld.Error("Login failed", Guid.NewGuid()));

        var run = (await _jobs.TriggerAsync(_world.Owner, _world.TeamId, ScanJobs.IssueScanJobType)).Value;

        Assert.That(run.Result, Is.EqualTo(new IssueScanResult(EventsProcessed: 2, IssuesCreated: 1, IssuesRegressed: 0, IssuesUnsnoozed: 0, OccurrencesCreated: 2)),
            "the run of the team whose two events made one issue");
        Assert.That((await _history.ListTeamRunsAsync(_world.Owner, _world.TeamId, cursor: null, limit: null)).Value.Runs.Single().Result, Is.EqualTo(run.Result), "the recorded run");
        var otherTeams = await _world.Issues.Store.ReadAsync(r => r.ListIssuesAsync(new IssueListFilter([_world.OtherProject.Id]), IssueSort.FirstSeen, null, 100));
        Assert.That(otherTeams, Has.Count.EqualTo(3), "the other team's events were scanned all the same");
    }

    [Test]
    public async Task TriggerAsync_RefusedActors_GetTheirRefusalBeforeTheJobTypeIsChecked()
    {
        var member = await _jobs.TriggerAsync(_world.Member, _world.TeamId, "nonsense");
        var outsider = await _jobs.TriggerAsync(_world.Outsider, _world.TeamId, ScanJobs.IssueScanJobType);
        var reader = await _jobs.TriggerAsync(_world.ReadOnlyAgent, _world.TeamId, ScanJobs.IssueScanJobType);

        Assert.That(member.Error, Is.EqualTo(IssueError.Forbidden("Only a team owner or admin may do this")));
        Assert.That(outsider.Error, Is.EqualTo(IssueError.NotFound("Team not found")));
        Assert.That(reader.Error, Is.EqualTo(IssueError.MissingPermission(IssuePermissions.JobsWrite)));
    }

    [Test]
    public async Task TriggerAsync_UnknownJobType_IsInvalid()
    {
        var run = await _jobs.TriggerAsync(_world.Owner, _world.TeamId, "cleanup");

        Assert.That(run.Error, Is.EqualTo(IssueError.Invalid("Invalid job_type; valid values: issue_scan")));
    }

    [Test]
    public async Task GetAsync_RunOfTheActorsTeam_IsFound_AndHiddenFromEveryoneElse()
    {
        var run = (await _jobs.TriggerAsync(_world.Owner, _world.TeamId, ScanJobs.IssueScanJobType)).Value;
        var background = await _jobs.RunAsync(triggeredByTeamId: null);

        var member = await _jobs.GetAsync(_world.Member, run.Id);
        var outsider = await _jobs.GetAsync(_world.Outsider, run.Id);
        var client = await _jobs.GetAsync(_world.Client, run.Id);
        var backgroundRun = await _jobs.GetAsync(_world.Owner, background.Id);

        Assert.That(member.Value.Id, Is.EqualTo(run.Id));
        Assert.That(new[] { outsider.Error, client.Error, backgroundRun.Error }, Has.All.EqualTo(IssueError.NotFound("Job run not found")));
    }

    [Test]
    public async Task ListTeamRunsAsync_MemberSeesTheTeamsRuns_OutsiderGetsTeamNotFound()
    {
        await _jobs.TriggerAsync(_world.Owner, _world.TeamId, ScanJobs.IssueScanJobType);

        var member = await _history.ListTeamRunsAsync(_world.Member, _world.TeamId, cursor: null, limit: null);
        var outsider = await _history.ListTeamRunsAsync(_world.Outsider, _world.TeamId, cursor: null, limit: null);

        Assert.That(member.Value.Runs, Has.Count.EqualTo(1));
        Assert.That(outsider.Error, Is.EqualTo(IssueError.NotFound("Team not found")));
    }

    private Task IngestAsync(Owlmetry.Issues.Projects.AppInfo app, params IncomingEvent[] events) =>
        _world.Issues.Ingestor.IngestAsync(new IngestSource(app.Id, app.ProjectId, "backend"), events);
}
