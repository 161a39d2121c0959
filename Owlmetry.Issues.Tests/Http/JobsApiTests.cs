using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class JobsApiTests : HttpApiFixture
{
    private HttpTeam _other = null!;

    [SetUp]
    public async Task SetUp() => _other = await CreateOtherTeamAsync();

    [Test]
    public async Task ListAndGet_TriggeredRun_VisibleToTeamNotToOthers()
    {
        var run = await ClientFor(Team.Token(TeamRole.Owner)).TriggerScanAsync(Team.Team.Id);
        var member = ClientFor(Team.Token(TeamRole.Member));
        var outsider = ClientFor(_other.Token(TeamRole.Owner));

        var listed = await member.ListJobRunsAsync(Team.Team.Id).Select(r => r.Id).ToListAsync();
        var got = await member.GetJobRunAsync(run.Id);
        var otherList = await outsider.ListJobRunsAsync(_other.Team.Id).Select(r => r.Id).ToListAsync();
        var otherGet = Assert.ThrowsAsync<OwlmetryApiException>(() => outsider.GetJobRunAsync(run.Id));

        Assert.That(listed, Does.Contain(run.Id));
        Assert.That(got.Id, Is.EqualTo(run.Id));
        Assert.That(otherList, Does.Not.Contain(run.Id));
        Assert.That(otherGet!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ListAndGet_BackgroundRun_IsNoTeamsToSee()
    {
        await ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).IngestErrorsAsync("Crash");
        var background = await Factory.Services.GetRequiredService<ScanJobs>().RunAsync(triggeredByTeamId: null);
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var listed = await owner.ListJobRunsAsync(Team.Team.Id).ToListAsync();
        var got = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.GetJobRunAsync(background.Id));

        Assert.That(background.Result!.EventsProcessed, Is.EqualTo(1), "the background run was recorded");
        Assert.That(listed, Is.Empty);
        Assert.That(got!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(got.Error, Is.EqualTo("Job run not found"));
    }

    [Test]
    public async Task BackgroundScan_IngestedError_IsListedWithoutATrigger()
    {
        using var background = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Scan:Enabled"] = "true" });
        var team = await HttpTeam.CreateAsync(background);
        var sdk = background.CreateApiClient(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        var owner = background.CreateApiClient(team.Token(TeamRole.Owner));

        await sdk.IngestErrorsAsync("Boom");

        await Poll.UntilAsync(
            async () => (await owner.ListIssuesAsync(team.Project.Id).ToListAsync()).Count == 1, TimeSpan.FromSeconds(10),
            "the background scan, woken by ingest, to make the event an issue");
    }
}
