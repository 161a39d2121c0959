using System.Net;
using System.Net.Http.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The stored events behind occurrences, read as the reference's clients read them.</summary>
public sealed class EventsApiTests : AttachmentsApiFixture
{
    [Test]
    public async Task GetEvent_AnOccurrencesEventId_ReturnsTheStoredEventWithItsAttributesAndAttachments()
    {
        var clientEventId = Guid.NewGuid();
        await IngestAsync(new
        {
            message = "Connection refused", level = "error", session_id = Guid.NewGuid(), client_event_id = clientEventId, user_id = "alice",
            screen_name = "Cart", app_version = "2.1.0", custom_attributes = new Dictionary<string, string> { ["_error_type"] = "IOException", ["$weird key"] = "  x  " },
        });
        var attachmentId = await Sdk.AddAsync("stack trace", clientEventId);
        var eventId = await ScanAndFirstOccurrencesEventIdAsync();

        var response = await Owner.GetAsync($"/v1/events/{eventId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await response.JsonAsync();
        Assert.That((stored.Text("id"), stored.Text("message"), stored.Text("level"), stored.Text("user_id"), stored.Text("screen_name")),
            Is.EqualTo((eventId, "Connection refused", "error", "alice", "Cart")));
        Assert.That((stored.Text("app_id"), stored.Text("project_id"), stored.Text("client_event_id")),
            Is.EqualTo((Team.App.Id.ToString(), Team.Project.Id.ToString(), clientEventId.ToString())));
        Assert.That(stored["custom_attributes"]!.AsObject().Select(a => (a.Key, a.Value!.GetValue<string>())),
            Is.EquivalentTo(new[] { ("_error_type", "IOException"), ("$weird key", "  x  ") }));
        Assert.That(stored["attachments"]!.AsArray().Select(a => a!.Text("id")), Is.EqualTo(new[] { attachmentId }));
    }

    [Test]
    public async Task GetEvent_AfterTheRetentionSweep_Is404SayingItIsNoLongerRetained()
    {
        await IngestAsync(ErrorEvent("Disk full"));
        var eventId = await ScanAndFirstOccurrencesEventIdAsync();
        var justNow = Guid.CreateVersion7(Factory.Clock.GetUtcNow());
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.JobsWrite, ApiKeyPermissions.EventsRead));
        Factory.Clock.Advance(TimeSpan.FromDays(31));
        (await agent.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" })).EnsureSuccessStatusCode();

        var expired = await agent.GetAsync($"/v1/events/{eventId}");
        var neverStored = await agent.GetAsync($"/v1/events/{justNow}");

        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await expired.ErrorAsync(), Is.EqualTo("Event not found: it is older than the event retention of 30 days and no longer retained"));
        Assert.That(await ReadStoredEventAsync(Guid.Parse(eventId)), Is.Null, "the sweep deleted it");
        Assert.That(await neverStored.ErrorAsync(), Is.EqualTo("Event not found: it is older than the event retention of 30 days and no longer retained"),
            "the answer is the id's age alone, whoever's it was");
    }

    [Test]
    public async Task GetEvent_AnotherTeamsEvent_Is404LikeAnEventThatNeverWas()
    {
        var other = await CreateOtherTeamAsync();
        using var otherSdk = other.ClientWith(await other.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        (await otherSdk.PostAsJsonAsync("/v1/ingest", new { events = new[] { ErrorEvent("Theirs") } })).EnsureSuccessStatusCode();
        var theirs = (await Factory.IssueStore.ReadAsync(r => r.ListEventsAfterAsync(0, 10))).Single().Id;

        var response = await Owner.GetAsync($"/v1/events/{theirs}");
        var unknown = await Owner.GetAsync($"/v1/events/{Guid.CreateVersion7(Factory.Clock.GetUtcNow())}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.BodyWithoutTraceIdAsync(), Is.EqualTo(await unknown.BodyWithoutTraceIdAsync()));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Event not found"));
    }

    [TestCase("/v1/events")]
    [TestCase("/v1/events/{event}")]
    public async Task EventRoutes_KeysWithoutEventsRead_Are403NamingIt(string path)
    {
        await IngestAsync(ErrorEvent("Crash"));
        var eventId = (await Factory.IssueStore.ReadAsync(r => r.ListEventsAfterAsync(0, 1))).Single().Id;
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.IssuesRead));

        foreach (var client in new[] { agent, Sdk })
        {
            var response = await client.GetAsync(path.Replace("{event}", eventId.ToString(), StringComparison.Ordinal));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: events:read"));
        }
    }

    [Test]
    public async Task ListEvents_ALimit_PagesEveryEventOnceNewestFirstOrOldestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await IngestAsync(ErrorEvent($"e{i}"));
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var newest = await PageThroughAsync("/v1/events?limit=2");
        var oldest = await PageThroughAsync("/v1/events?limit=2&order=asc");

        Assert.That(newest, Is.EqualTo(new[] { "e4", "e3", "e2", "e1", "e0" }));
        Assert.That(oldest, Is.EqualTo(new[] { "e0", "e1", "e2", "e3", "e4" }));
    }

    [Test]
    public async Task ListEvents_Filters_SelectBySessionUserLevelDataModeAndTime()
    {
        var session = Guid.NewGuid();
        await IngestAsync(ErrorEvent("in session", session, "alice"));
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await IngestAsync(ErrorEvent("other session"), ErrorEvent("dev", isDev: true), new { message = "info", level = "info", session_id = session });

        Assert.That(await MessagesAsync($"/v1/events?session_id={session}"), Is.EqualTo(new[] { "in session" }), "info events are not stored");
        Assert.That(await MessagesAsync("/v1/events?user_id=alice"), Is.EqualTo(new[] { "in session" }));
        Assert.That(await MessagesAsync("/v1/events?level=info,warn"), Is.Empty, "only error events are stored");
        Assert.That(await MessagesAsync("/v1/events?level=info,error"), Is.EqualTo(new[] { "other session", "in session" }));
        Assert.That(await MessagesAsync("/v1/events"), Is.EqualTo(new[] { "other session", "in session" }), "production by default, as in the reference");
        Assert.That(await MessagesAsync("/v1/events?data_mode=development"), Is.EqualTo(new[] { "dev" }));
        Assert.That(await MessagesAsync("/v1/events?since=1h&data_mode=all"), Is.EquivalentTo(new[] { "other session", "dev" }));
        Assert.That(await MessagesAsync($"/v1/events?until={Factory.Clock.GetUtcNow().AddHours(-1).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}"), Is.EqualTo(new[] { "in session" }));
        Assert.That(await MessagesAsync($"/v1/events?project_id={Team.Project.Id}&app_id={Team.App.Id}"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ListEvents_AnotherTeamsTeamProjectOrApp_ListsNothing()
    {
        var other = await CreateOtherTeamAsync();
        await IngestAsync(ErrorEvent("Mine"));

        Assert.That(await MessagesAsync($"/v1/events?team_id={other.Team.Id}"), Is.Empty);
        Assert.That(await MessagesAsync($"/v1/events?project_id={other.Project.Id}"), Is.Empty);
        Assert.That(await MessagesAsync($"/v1/events?app_id={other.App.Id}"), Is.Empty);
        Assert.That(await MessagesAsync($"/v1/events?team_id={Team.Team.Id}"), Is.EqualTo(new[] { "Mine" }));
    }

    [TestCase("since=yesterday", "Invalid since: use a relative time (e.g. 30m, 1h, 7d) or an ISO 8601 time")]
    [TestCase("until=99999999999999999999d", "Invalid until: use a relative time (e.g. 30m, 1h, 7d) or an ISO 8601 time")]
    [TestCase("level=fatal,error", "Unknown log level(s): fatal. Allowed: info, debug, warn, error")]
    [TestCase("order=sideways", "Invalid order; valid values: desc, asc")]
    [TestCase("data_mode=prod", "Invalid data_mode; valid values: production, development, all")]
    [TestCase("session_id=nope", "session_id must be a UUID")]
    [TestCase("cursor=nope", "Invalid cursor")]
    public async Task ListEvents_BadQuery_Is400NamingTheParameter(string query, string error)
    {
        var response = await Owner.GetAsync($"/v1/events?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(error));
    }

    private static object ErrorEvent(string message, Guid? sessionId = null, string? userId = null, bool isDev = false) =>
        new { message, level = "error", session_id = sessionId ?? Guid.NewGuid(), user_id = userId, is_dev = isDev };

    private async Task IngestAsync(params object[] events) =>
        (await Sdk.PostAsJsonAsync("/v1/ingest", new { events })).EnsureSuccessStatusCode();

    private async Task TriggerScanAsync() =>
        (await Owner.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" })).EnsureSuccessStatusCode();

    private async Task<string> ScanAndFirstOccurrencesEventIdAsync()
    {
        await TriggerScanAsync();
        var issueId = (await Owner.GetJsonAsync($"/v1/projects/{Team.Project.Id}/issues"))["issues"]![0]!.Text("id");
        return (await Owner.GetJsonAsync($"/v1/projects/{Team.Project.Id}/issues/{issueId}"))["occurrences"]![0]!.Text("event_id");
    }

    private Task<ErrorEvent?> ReadStoredEventAsync(Guid eventId) => Factory.IssueStore.ReadAsync(r => r.FindEventAsync(eventId));

    private async Task<IReadOnlyList<string>> MessagesAsync(string path)
    {
        var response = await Owner.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())["events"]!.AsArray().Select(e => e!.Text("message")).ToList();
    }

    private async Task<IReadOnlyList<string>> PageThroughAsync(string path)
    {
        var messages = new List<string>();
        for (string? cursor = null, separator = "&"; ; separator = "&")
        {
            var page = await Owner.GetJsonAsync(cursor is null ? path : $"{path}{separator}cursor={cursor}");
            messages.AddRange(page["events"]!.AsArray().Select(e => e!.Text("message")));
            if (!page["has_more"]!.GetValue<bool>())
            {
                return messages;
            }

            cursor = page.Text("cursor");
        }
    }
}
