using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The event routes where the wire is the subject: the stored fields as the reference's clients read them, whole refusal
/// bodies, query strings the client does not send (level, malformed values). Arranged through the client.
/// </summary>
public sealed class EventsHttpTests : AttachmentsApiFixture
{
    [Test]
    public async Task GetEvent_AnOccurrencesEventId_ReturnsTheStoredEventWithItsAttributesAndAttachments()
    {
        var clientEventId = Guid.NewGuid();
        await Sdk.IngestAsync(ClientIngest.Error("Connection refused", clientEventId) with
        {
            UserId = "alice", ScreenName = "Cart", AppVersion = "2.1.0",
            CustomAttributes = new Dictionary<string, string> { ["_error_type"] = "IOException", ["$weird key"] = "  x  " },
        });
        var attachmentId = await Sdk.AddAttachmentAsync("stack trace", clientEventId);
        var eventId = await ScanAndFirstOccurrencesEventIdAsync();

        var response = await OwnerHttp.GetAsync($"/v1/events/{eventId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await response.JsonAsync();
        Assert.That((stored.Text("id"), stored.Text("message"), stored.Text("level"), stored.Text("user_id"), stored.Text("screen_name")),
            Is.EqualTo((eventId.ToString(), "Connection refused", "error", "alice", "Cart")));
        Assert.That((stored.Text("app_id"), stored.Text("project_id"), stored.Text("client_event_id")),
            Is.EqualTo((Team.App.Id.ToString(), Team.Project.Id.ToString(), clientEventId.ToString())));
        Assert.That(stored["custom_attributes"]!.AsObject().Select(a => (a.Key, a.Value!.GetValue<string>())),
            Is.EquivalentTo(new[] { ("_error_type", "IOException"), ("$weird key", "  x  ") }));
        Assert.That(stored["attachments"]!.AsArray().Select(a => a!.Text("id")), Is.EqualTo(new[] { attachmentId.ToString() }));
    }

    [Test]
    public async Task GetEvent_AnotherTeamsEvent_Is404LikeAnEventThatNeverWas()
    {
        var other = await CreateOtherTeamAsync();
        await ClientFor(await other.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).IngestAsync(ErrorEvent("Theirs"));
        var theirs = (await Factory.IssueStore.ReadAsync(r => r.ListEventsAfterAsync(0, 10))).Single().Id;

        var response = await OwnerHttp.GetAsync($"/v1/events/{theirs}");
        var unknown = await OwnerHttp.GetAsync($"/v1/events/{Guid.CreateVersion7(Factory.Clock.GetUtcNow())}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.BodyWithoutTraceIdAsync(), Is.EqualTo(await unknown.BodyWithoutTraceIdAsync()));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Event not found"));
    }

    [TestCase("/v1/events")]
    [TestCase("/v1/events/{event}")]
    public async Task EventRoutes_KeysWithoutEventsRead_Are403NamingIt(string path)
    {
        await Sdk.IngestAsync(ErrorEvent("Crash"));
        var eventId = (await Factory.IssueStore.ReadAsync(r => r.ListEventsAfterAsync(0, 1))).Single().Id;
        using var agent = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.IssuesRead));

        foreach (var client in new[] { agent, SdkHttp })
        {
            var response = await client.GetAsync(path.Replace("{event}", eventId.ToString(), StringComparison.Ordinal));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: events:read"));
        }
    }

    [Test]
    public async Task ListEvents_Filters_SelectBySessionUserLevelDataModeAndTime()
    {
        var session = Guid.NewGuid();
        await Sdk.IngestAsync(ErrorEvent("in session", session, "alice"));
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await Sdk.IngestAsync(ErrorEvent("other session"), ErrorEvent("dev", isDev: true), ErrorEvent("info", session) with { Level = "info" });

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

    [TestCase("since=yesterday", "Invalid since: use a relative time (e.g. 30m, 1h, 7d) or an ISO 8601 time")]
    [TestCase("until=99999999999999999999d", "Invalid until: use a relative time (e.g. 30m, 1h, 7d) or an ISO 8601 time")]
    [TestCase("level=fatal,error", "Unknown log level(s): fatal. Allowed: info, debug, warn, error")]
    [TestCase("order=sideways", "Invalid order; valid values: desc, asc")]
    [TestCase("data_mode=prod", "Invalid data_mode; valid values: production, development, all")]
    [TestCase("session_id=nope", "session_id must be a UUID")]
    [TestCase("cursor=nope", "Invalid cursor")]
    public async Task ListEvents_BadQuery_Is400NamingTheParameter(string query, string error)
    {
        var response = await OwnerHttp.GetAsync($"/v1/events?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(error));
    }

    private static IngestEventRequest ErrorEvent(string message, Guid? sessionId = null, string? userId = null, bool isDev = false) =>
        ClientIngest.Error(message) with { SessionId = (sessionId ?? Guid.NewGuid()).ToString(), UserId = userId, IsDev = isDev };

    private async Task<Guid> ScanAndFirstOccurrencesEventIdAsync()
    {
        await Owner.TriggerScanAsync(Team.Team.Id);
        var issue = await Owner.ListIssuesAsync(Team.Project.Id).FirstAsync();
        return (await Owner.GetIssueAsync(Team.Project.Id, issue.Id)).Occurrences[0].EventId;
    }

    private async Task<IReadOnlyList<string>> MessagesAsync(string path)
    {
        var response = await OwnerHttp.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())["events"]!.AsArray().Select(e => e!.Text("message")).ToList();
    }
}
