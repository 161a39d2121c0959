using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The two routes added for the web console: <c>GET …/issues/:issueId/overview</c> and <c>GET …/issues/search</c>.
/// Additive: no existing response changes.
/// </summary>
public sealed class IssueOverviewApiTests : HttpApiFixture
{
    [TestCase(IssueStatus.New, new[] { "in_progress", "resolved", "silenced", "snoozed" })]
    [TestCase(IssueStatus.Resolved, new[] { "new", "silenced", "snoozed" })]
    [TestCase(IssueStatus.Regressed, new[] { "in_progress", "resolved", "silenced", "snoozed" })]
    public async Task Overview_AllowedTransitions_AreTheLifecycles(IssueStatus status, string[] expected)
    {
        var issue = await Team.SeedIssueAsync(configure: o => { o.Status = status; o.ResolvedAtVersion = status == IssueStatus.Resolved ? "1.0.0" : null; });
        var client = ClientFor(Team.Token(TeamRole.Member));

        var overview = await client.GetIssueOverviewAsync(Team.Project.Id, issue.Id);

        Assert.That(overview.Status, Is.EqualTo(status.ToWireName()));
        Assert.That(overview.AllowedTransitions, Is.EqualTo(expected));
    }

    [Test]
    public async Task Overview_DailyCountsAndBreakdowns_CountTheOccurrences()
    {
        // Noon, so that a minute earlier is the same UTC day.
        Factory.Clock.SetUtcNow(new DateTimeOffset(Factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero));
        var now = Factory.Clock.GetUtcNowMilliseconds();
        var issue = new IssueBuilder().Build() with
        {
            ProjectId = Team.Project.Id, AppId = Team.App.Id, FirstSeenAt = now.AddDays(-20), LastSeenAt = now, Fingerprints = ["overview"],
        };
        Occurrence[] seeded =
        [
            new(now, "2.0.0", "ios", "DE"), new(now.AddMinutes(-1), "2.0.0", "ios", "DE"), new(now.AddDays(-1), "1.9.0", "ipados", null),
            new(now.AddDays(-13), "1.9.0", "ios", "FR"), new(now.AddDays(-14), null, null, "FR"), new(now.AddDays(-20), "1.0.0", "ios", "US"),
        ];
        await Factory.IssueStore.SeedIssueAsync(issue, [.. seeded.Select(o => o.For(issue.Id))]);
        var client = ClientFor(Team.Token(TeamRole.Member));

        var overview = await client.GetIssueOverviewAsync(Team.Project.Id, issue.Id);

        var days = overview.DailyCounts;
        Assert.That(days, Has.Count.EqualTo(14));
        Assert.That(days[13].Date, Is.EqualTo(DateOnly.FromDateTime(now.UtcDateTime)));
        Assert.That(days.Select(d => d.Count), Is.EqualTo(new[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2 }));
        Assert.That(Counts(overview.Breakdowns.AppVersion), Is.EqualTo(new[] { "1.9.0=2", "2.0.0=2", "(none)=1", "1.0.0=1" }));
        Assert.That(Counts(overview.Breakdowns.Environment), Is.EqualTo(new[] { "ios=4", "(none)=1", "ipados=1" }));
        Assert.That(Counts(overview.Breakdowns.CountryCode), Is.EqualTo(new[] { "DE=2", "FR=2", "(none)=1", "US=1" }));
    }

    [Test]
    public async Task Overview_Activity_ListsStatusChangesAndMergesWithTheirActors()
    {
        var target = await Team.SeedIssueAsync("Target");
        var source = await Team.SeedIssueAsync("Source");
        var client = ClientFor(Team.Token(TeamRole.Admin));
        await client.UpdateIssueStatusAsync(Team.Project.Id, target.Id, "resolved", "3.1.0");
        await client.MergeIssuesAsync(Team.Project.Id, target.Id, source.Id);

        var activity = (await client.GetIssueOverviewAsync(Team.Project.Id, target.Id)).Activity;

        Assert.That(activity.Select(a => a.Action), Is.EqualTo(new[] { "issue.status_changed", "issue.merged" }));
        Assert.That(activity[0].ToStatus, Is.EqualTo("resolved"));
        Assert.That(activity[0].ToResolvedAtVersion, Is.EqualTo("3.1.0"));
        Assert.That(activity[0].ActorName, Is.EqualTo(Team.Users[TeamRole.Admin].User.Name));
        Assert.That(activity[1].MergedIssueId, Is.EqualTo(source.Id));
    }

    [Test]
    public async Task Overview_Activity_ListsCommentEditsAndDeletionsWithTheComment()
    {
        var issue = await Team.SeedIssueAsync();
        var member = ClientFor(Team.Token(TeamRole.Member));
        var admin = ClientFor(Team.Token(TeamRole.Admin));
        var comment = (await member.AddCommentAsync(Team.Project.Id, issue.Id, "draft")).Id;
        await member.EditCommentAsync(Team.Project.Id, issue.Id, comment, "final");
        await admin.DeleteCommentAsync(Team.Project.Id, issue.Id, comment);

        var activity = (await member.GetIssueOverviewAsync(Team.Project.Id, issue.Id)).Activity;

        Assert.That(activity.Select(a => (a.Action, a.CommentId, a.ActorName, a.ToStatus)), Is.EqualTo(new[]
        {
            ("comment.edited", (Guid?)comment, Team.Users[TeamRole.Member].User.Name, "new"),
            ("comment.deleted", (Guid?)comment, Team.Users[TeamRole.Admin].User.Name, "new"),
        }));
    }

    [Test]
    public async Task Overview_Comments_SayWhatTheCallerMayDoByTheCommentRules()
    {
        var issue = await Team.SeedIssueAsync();
        var member = ClientFor(Team.Token(TeamRole.Member));
        var admin = ClientFor(Team.Token(TeamRole.Admin));
        var byMember = (await member.AddCommentAsync(Team.Project.Id, issue.Id, "mine")).Id;
        var byAdmin = (await admin.AddCommentAsync(Team.Project.Id, issue.Id, "the admin's")).Id;

        var asMember = Rights(await member.GetIssueOverviewAsync(Team.Project.Id, issue.Id));
        var asAdmin = Rights(await admin.GetIssueOverviewAsync(Team.Project.Id, issue.Id));

        Assert.That(asMember[byMember], Is.EqualTo((true, true)));
        Assert.That(asMember[byAdmin], Is.EqualTo((false, false)));
        Assert.That(asAdmin[byMember], Is.EqualTo((false, true)), "an admin deletes anyone's comment, edits only their own");
        Assert.That(asAdmin[byAdmin], Is.EqualTo((true, true)));
    }

    [Test]
    public async Task Overview_ReadOnlyKey_MayNeitherEditNorDelete()
    {
        var issue = await Team.SeedIssueAsync();
        await ClientFor(Team.Token(TeamRole.Owner)).AddCommentAsync(Team.Project.Id, issue.Id, "a comment");
        var reader = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, "issues:read"));

        var overview = await reader.GetIssueOverviewAsync(Team.Project.Id, issue.Id);

        Assert.That(Rights(overview), Has.Count.EqualTo(1));
        Assert.That(Rights(overview).Values, Is.All.EqualTo((false, false)));
    }

    [Test]
    public void Overview_UnknownIssue_Is404()
    {
        var client = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.GetIssueOverviewAsync(Team.Project.Id, Guid.NewGuid()));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Is.EqualTo("Issue not found"));
    }

    [Test]
    public async Task Search_TitleWords_FindsMatchesIgnoringCaseAndOrder()
    {
        var timeout = await Team.SeedIssueAsync("Timeout talking to Payments API");
        await Team.SeedIssueAsync("Connection refused");
        var other = await Team.SeedIssueAsync("payments queue TIMEOUT");
        var client = ClientFor(Team.Token(TeamRole.Member));

        var found = await client.SearchIssuesAsync(Team.Project.Id, "timeout PAYMENTS");

        Assert.That(found.Issues.Select(i => i.Id), Is.EquivalentTo(new[] { timeout.Id, other.Id }));
        Assert.That(found.HasMore, Is.False);
        Assert.That(found.Issues[0].AppName, Is.EqualTo(Team.App.Name));
    }

    [Test]
    public async Task Search_MoreMatchesThanTheLimit_SaysHasMore()
    {
        for (var i = 0; i < 3; i++)
        {
            await Team.SeedIssueAsync($"Crash {i}");
        }

        var client = ClientFor(Team.Token(TeamRole.Member));

        var found = await client.SearchIssuesAsync(Team.Project.Id, "crash", limit: 2);

        Assert.That(found.Issues, Has.Count.EqualTo(2));
        Assert.That(found.HasMore, Is.True);
        Assert.That(found.Cursor, Is.Null);
    }

    [Test]
    public async Task Search_ClientKey_Is403()
    {
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, "events:write"));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.SearchIssuesAsync(Team.Project.Id, "x"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static List<string> Counts(IReadOnlyList<ValueCountResponse> counts) => [.. counts.Select(c => $"{c.Value ?? "(none)"}={c.Count}")];

    private static Dictionary<Guid, (bool Edit, bool Delete)> Rights(IssueOverviewResponse overview) =>
        overview.Comments.ToDictionary(c => c.Id, c => (c.CanEdit, c.CanDelete));

    private sealed record Occurrence(DateTimeOffset At, string? Version, string? Environment, string? Country)
    {
        public IssueOccurrence For(Guid issueId) => new()
        {
            Id = Guid.NewGuid(), IssueId = issueId, SessionId = Guid.NewGuid(), EventId = Guid.NewGuid(), Timestamp = At, CreatedAt = At,
            AppVersion = Version, Environment = Environment, CountryCode = Country,
        };
    }
}
