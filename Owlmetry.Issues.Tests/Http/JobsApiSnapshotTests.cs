using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of the job routes as the reference's clients read them, ids and times scrubbed.</summary>
public sealed class JobsApiSnapshotTests : HttpApiFixture
{
    [Test]
    public async Task Jobs_TriggerListAndGet_Bodies()
    {
        using var owner = Team.ClientWith(Team.Token(TeamRole.Owner));

        var triggered = await (await owner.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" })).Content.ReadAsStringAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await ClientFor(Team.Token(TeamRole.Owner)).TriggerScanAsync(Team.Team.Id);
        var list = await owner.GetStringAsync($"/v1/teams/{Team.Team.Id}/jobs?limit=1");
        var runId = (await owner.GetJsonAsync($"/v1/teams/{Team.Team.Id}/jobs"))["job_runs"]![1]!.Text("id");
        var run = await owner.GetStringAsync($"/v1/jobs/{runId}");

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"triggered\":{triggered},\"list\":{list},\"run\":{run}}}"));
    }
}
