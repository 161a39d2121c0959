using System.Net;
using System.Text;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Nothing of team A's attachments is readable, downloadable, deletable or uploadable from team B.</summary>
public sealed class AttachmentsCrossTeamTests
{
    private OwlmetryServerFactory _factory = null!;
    private HttpTeam _a = null!;
    private HttpTeam _b = null!;
    private Guid _uploaded;
    private string _reservedUploadUrl = null!;
    private Issue _issueA = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new OwlmetryServerFactory();
        _a = await HttpTeam.CreateAsync(_factory, "Team A");
        _b = await HttpTeam.CreateAsync(_factory, "Team B");
        var sdkA = _factory.CreateApiClient(await _a.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        _uploaded = await sdkA.AddAttachmentAsync("A's secret log");
        _reservedUploadUrl = (await sdkA.ReserveAttachmentAsync(ClientAttachments.Reservation(Encoding.UTF8.GetBytes("pending")))).UploadUrl;
        _issueA = await _a.SeedIssueAsync("A's issue");
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [TestCase("owner")]
    [TestCase("agent")]
    public async Task EveryRoute_TeamBCallerWithTeamAIds_IsNotFoundAndChangesNothing(string caller)
    {
        using var client = _b.ClientWith(caller == "owner"
            ? _b.Token(TeamRole.Owner)
            : await _b.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.EventsRead, IssuePermissions.EventsWrite));
        var attempts = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, $"/v1/attachments/{_uploaded}"),
            (HttpMethod.Delete, $"/v1/attachments/{_uploaded}"),
            (HttpMethod.Get, $"/v1/attachments?project_id={_a.Project.Id}"),
            (HttpMethod.Get, $"/v1/attachments?issue_id={_issueA.Id}"),
            (HttpMethod.Get, $"/v1/attachments?project_id={_b.Project.Id}&issue_id={_issueA.Id}"),
        };

        foreach (var (method, path) in attempts)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{method} {path}");
        }

        var own = await client.GetJsonAsync("/v1/attachments");
        Assert.That(own["attachments"]!.AsArray(), Is.Empty, "team B's unfiltered list shows team A's attachment");
        Assert.That((await _factory.IssueStore.ReadAsync(r => r.FindAttachmentAsync(_uploaded)))?.DeletedAt, Is.Null);
    }

    [Test]
    public async Task Upload_TeamBClientKeyToTeamAReservation_IsNotFound()
    {
        using var sdkB = _b.ClientWith(await _b.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));

        var response = await sdkB.UploadAsync(_reservedUploadUrl, Encoding.UTF8.GetBytes("pending"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
