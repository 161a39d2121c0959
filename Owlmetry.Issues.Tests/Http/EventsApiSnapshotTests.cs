using System.Globalization;
using Owlmetry.Issues.Client;
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
        await Sdk.IngestAsync(
            ClientIngest.Error("Connection refused", clientEventId) with
            {
                UserId = "alice", SourceModule = "NetworkService", ScreenName = "Cart", Environment = "backend", OsVersion = "14.2", AppVersion = "2.1.0",
                SdkName = "owlmetry-dotnet", SdkVersion = "0.1.0", BuildNumber = "42", DeviceModel = "server",
                CustomAttributes = new Dictionary<string, string> { ["_error_type"] = "SocketException" },
                Timestamp = now.AddSeconds(-2).ToString("O", CultureInfo.InvariantCulture),
            },
            ClientIngest.Error("Timeout") with { Timestamp = now.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture) });
        await Sdk.AddAttachmentAsync("stack trace", clientEventId);
        var list = await OwnerHttp.GetStringAsync("/v1/events?limit=1&order=asc");
        var eventId = (await Owner.ListEventsAsync(new EventListQuery { Order = "asc" }).FirstAsync()).Id;
        var detail = await OwnerHttp.GetStringAsync($"/v1/events/{eventId}");
        var missing = await (await OwnerHttp.GetAsync($"/v1/events/{Guid.NewGuid()}")).Content.ReadAsStringAsync();

        Snapshot.Match(JsonSnapshot.Scrub($"{{\"list\":{list},\"event\":{detail},\"missing\":{missing}}}"));
    }
}
