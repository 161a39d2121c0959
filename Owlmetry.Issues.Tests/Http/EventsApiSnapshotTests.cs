using System.Globalization;
using System.Net.Http.Json;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The bodies of the event routes as the reference's clients read them, ids and times scrubbed.</summary>
public sealed class EventsApiSnapshotTests : AttachmentsApiFixture
{
    [Test]
    public async Task Events_ListGetAndNotFound_Bodies()
    {
        var clientEventId = Guid.NewGuid();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        (await Sdk.PostAsJsonAsync("/v1/ingest", new
        {
            events = new object[]
            {
                new
                {
                    message = "Connection refused", level = "error", session_id = Guid.NewGuid(), client_event_id = clientEventId, user_id = "alice",
                    source_module = "NetworkService", screen_name = "Cart", environment = "backend", os_version = "14.2", app_version = "2.1.0",
                    sdk_name = "owlmetry-dotnet", sdk_version = "0.1.0", build_number = "42", device_model = "server",
                    custom_attributes = new Dictionary<string, string> { ["_error_type"] = "SocketException" },
                    timestamp = now.AddSeconds(-2).ToString("O", CultureInfo.InvariantCulture),
                },
                new { message = "Timeout", level = "error", session_id = Guid.NewGuid(), timestamp = now.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture) },
            },
        })).EnsureSuccessStatusCode();
        await Sdk.AddAsync("stack trace", clientEventId);
        var list = await Owner.GetStringAsync("/v1/events?limit=1&order=asc");
        var eventId = (await Owner.GetJsonAsync("/v1/events?order=asc"))["events"]![0]!.Text("id");
        var detail = await Owner.GetStringAsync($"/v1/events/{eventId}");
        var missing = await (await Owner.GetAsync($"/v1/events/{Guid.NewGuid()}")).Content.ReadAsStringAsync();

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"list\":{list},\"event\":{detail},\"missing\":{missing}}}"));
    }
}
