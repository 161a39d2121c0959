using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Testing;

namespace Owlmetry.Samples.Worker.Tests;

// How an application's own tests use the library: all in memory, on a fake clock, with no background thread.
public sealed class IssueTriageTests
{
    private static readonly Guid s_teamId = Guid.NewGuid();
    private static readonly Guid s_userId = Guid.NewGuid();

    [Test]
    public async Task ChangeStatusAsync_SeededIssueResolvedByAnAdmin_IsResolvedAtTheVersion()
    {
        #region InMemoryIssues
        var issues = new InMemoryIssues(new FakeTimeProvider());            // in-memory store + fake clock
        var app = issues.AddApp(issues.AddProject(s_teamId, "Shop").Id, "iOS App", platform: "apple");
        var issue = await issues.SeedIssueAsync(new IssueSeed(app.Id, "Connection refused")
        {
            Occurrences = [new OccurrenceSeed { UserId = "u1", AppVersion = "2.0.0" }],
        });

        // Who is calling, and what they may do: an admin of the project's team.
        var actor = Actor.User(s_userId, "Jane Doe", new Dictionary<Guid, TeamRole> { [s_teamId] = TeamRole.Admin });
        var resolved = await issues.Service.ChangeStatusAsync(actor, app.ProjectId, issue.Id, IssueStatus.Resolved, resolvedAtVersion: "2.1.0");
        if (!resolved.IsSuccess)
        {
            Assert.Fail($"{resolved.Error.Kind}: {resolved.Error.Message}");   // e.g. Forbidden, NotFound, Invalid (a refused transition)
        }
        #endregion

        Assert.That(resolved.Value.Issue.Status, Is.EqualTo(IssueStatus.Resolved));
        Assert.That(resolved.Value.Issue.ResolvedAtVersion, Is.EqualTo("2.1.0"));
    }

    [Test]
    public async Task IngestAndScanAsync_ErrorInANewerVersionOfAResolvedIssue_RegressesIt()
    {
        var issues = new InMemoryIssues(new FakeTimeProvider());
        var app = issues.AddApp(issues.AddProject(s_teamId, "Shop").Id, "iOS App", platform: "apple");
        var actor = Actor.User(s_userId, "Jane Doe", new Dictionary<Guid, TeamRole> { [s_teamId] = TeamRole.Admin });

        #region IngestAndScan
        // Ingest and the scan, run by hand: what POST /v1/ingest and the background scan do.
        var error = new IncomingEvent { Message = "Connection refused", Level = "error", SessionId = Guid.NewGuid().ToString(), AppVersion = "2.0.0" };
        await issues.IngestAndScanAsync(app, [error]);
        var listed = await issues.Service.ListAsync(actor, app.ProjectId, new IssueQuery { Status = IssueStatus.New });
        var issue = listed.Value.Issues.Single().Issue;
        await issues.Service.ChangeStatusAsync(actor, app.ProjectId, issue.Id, IssueStatus.Resolved, resolvedAtVersion: "2.1.0");

        // The same error in a later version, in another session, regresses the resolved issue.
        var (_, scan) = await issues.IngestAndScanAsync(app, [error with { SessionId = Guid.NewGuid().ToString(), AppVersion = "2.2.0" }]);
        #endregion

        Assert.That(scan.IssuesRegressed, Is.EqualTo(1));
        var detail = await issues.Service.GetAsync(actor, app.ProjectId, issue.Id, new OccurrencePageRequest());
        Assert.That(detail.Value.Item.Issue.Status, Is.EqualTo(IssueStatus.Regressed));
    }
}
