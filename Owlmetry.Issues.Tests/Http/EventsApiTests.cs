using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The stored events behind occurrences, read through the client.</summary>
public sealed class EventsApiTests : AttachmentsApiFixture
{
    [Test]
    public async Task GetEvent_AfterTheRetentionSweep_Is404SayingItIsNoLongerRetained()
    {
        await Sdk.IngestErrorsAsync("Disk full");
        var eventId = await ScanAndFirstOccurrencesEventIdAsync();
        var justNow = Guid.CreateVersion7(Factory.Clock.GetUtcNow());
        var agent = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.JobsWrite, ApiKeyPermissions.EventsRead));
        Factory.Clock.Advance(TimeSpan.FromDays(31));
        await agent.TriggerScanAsync(Team.Team.Id);

        var expired = Assert.ThrowsAsync<OwlmetryApiException>(() => agent.GetEventAsync(eventId));
        var neverStored = Assert.ThrowsAsync<OwlmetryApiException>(() => agent.GetEventAsync(justNow));

        Assert.That(expired!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(expired.Error, Is.EqualTo("Event not found: it is older than the event retention of 30 days and no longer retained"));
        Assert.That(await ReadStoredEventAsync(eventId), Is.Null, "the sweep deleted it");
        Assert.That(neverStored!.Error, Is.EqualTo("Event not found: it is older than the event retention of 30 days and no longer retained"),
            "the answer is the id's age alone, whoever's it was");
    }

    [Test]
    public async Task ListEvents_ALimit_PagesEveryEventOnceNewestFirstOrOldestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await Sdk.IngestErrorsAsync($"e{i}");
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var newest = await MessagesAsync(new EventListQuery { PageSize = 2 });
        var oldest = await MessagesAsync(new EventListQuery { PageSize = 2, Order = "asc" });

        Assert.That(newest, Is.EqualTo(new[] { "e4", "e3", "e2", "e1", "e0" }));
        Assert.That(oldest, Is.EqualTo(new[] { "e0", "e1", "e2", "e3", "e4" }));
    }

    [Test]
    public async Task ListEvents_AnotherTeamsTeamProjectOrApp_ListsNothing()
    {
        var other = await CreateOtherTeamAsync();
        await Sdk.IngestErrorsAsync("Mine");

        Assert.That(await MessagesAsync(new EventListQuery { TeamId = other.Team.Id }), Is.Empty);
        Assert.That(await MessagesAsync(new EventListQuery { ProjectId = other.Project.Id }), Is.Empty);
        Assert.That(await MessagesAsync(new EventListQuery { AppId = other.App.Id }), Is.Empty);
        Assert.That(await MessagesAsync(new EventListQuery { TeamId = Team.Team.Id }), Is.EqualTo(new[] { "Mine" }));
    }

    private async Task<Guid> ScanAndFirstOccurrencesEventIdAsync()
    {
        await Owner.TriggerScanAsync(Team.Team.Id);
        var issue = await Owner.ListIssuesAsync(Team.Project.Id).FirstAsync();
        return (await Owner.GetIssueAsync(Team.Project.Id, issue.Id)).Occurrences[0].EventId;
    }

    private Task<ErrorEvent?> ReadStoredEventAsync(Guid eventId) => Factory.IssueStore.ReadAsync(r => r.FindEventAsync(eventId));

    /// <summary>The messages of every event the owner lists, across the pages.</summary>
    private async Task<IReadOnlyList<string>> MessagesAsync(EventListQuery query) =>
        await Owner.ListEventsAsync(query).Select(e => e.Message).ToListAsync();
}
