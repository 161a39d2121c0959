using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class IngestApiTests : HttpApiFixture
{
    private OwlmetryIssuesClient _sdk = null!;

    [SetUp]
    public async Task SetUp() => _sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));

    [Test]
    public void Ingest_MoreThan100Events_Is400()
    {
        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => _sdk.IngestAsync([.. Enumerable.Range(0, 101).Select(i => Event($"e{i}"))]));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Ingest_DuplicateClientEventId_IsCountedInNeither()
    {
        var id = Guid.NewGuid();
        await _sdk.IngestAsync(Event("a", id));

        var answer = await _sdk.IngestAsync(Event("a", id), Event("a", id));

        Assert.That((answer.Accepted, answer.Rejected), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task Ingest_AgentKeyOrUser_IsRefused()
    {
        var agent = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
        var user = ClientFor(Team.Token(TeamRole.Owner));

        var byAgent = Assert.ThrowsAsync<OwlmetryApiException>(() => agent.IngestAsync(Event("x")));
        var byUser = Assert.ThrowsAsync<OwlmetryApiException>(() => user.IngestAsync(Event("x")));

        Assert.That(byAgent!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byUser!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Ingest_BundleIdOfApp_MissingIs400AndDifferentIs403()
    {
        var app = new App(Guid.NewGuid(), Team.Project.Id, "iOS", "apple", "com.example.shop", Factory.Clock.GetUtcNow());
        await Factory.Directory.AddAppAsync(app);
        var client = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, app.Id, IssuePermissions.EventsWrite));

        // Without the backend environment of Event: an apple app's event may not carry it, and here only the bundle id is judged.
        var missing = Assert.ThrowsAsync<OwlmetryApiException>(() => client.IngestAsync(new IngestRequest([ClientIngest.Error("x")])));
        var different = Assert.ThrowsAsync<OwlmetryApiException>(() => client.IngestAsync(new IngestRequest([ClientIngest.Error("x")], "com.evil")));
        var matching = await client.IngestAsync(new IngestRequest([ClientIngest.Error("x")], "com.example.shop"));

        Assert.That(missing!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(different!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(matching.Accepted, Is.EqualTo(1));
    }

    private static IngestEventRequest Event(string message, Guid? clientEventId = null) =>
        ClientIngest.Error(message, clientEventId) with { Environment = "backend" };
}
