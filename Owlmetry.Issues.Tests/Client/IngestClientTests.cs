using System.Net;
using System.Security.Cryptography;
using System.Text;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

/// <summary>The way in (ingest, attachments), the scan that turns events into issues, and reading events back.</summary>
public sealed class IngestClientTests : HttpApiFixture
{
    [Test]
    public async Task IngestAsync_ThenTriggerScanAsync_TheEventsBecomeIssues()
    {
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var ingested = await sdk.IngestAsync(new IngestRequest([Event("Connection refused"), Event("Connection refused"), Event("Disk full")]));
        var run = await owner.TriggerScanAsync(Team.Team.Id);
        var issues = await owner.ListIssuesAsync(Team.Project.Id).ToListAsync();

        Assert.That((ingested.Accepted, ingested.Rejected, ingested.Errors), Is.EqualTo((3, 0, (IReadOnlyList<IngestErrorResponse>?)null)));
        Assert.That(run.Status, Is.EqualTo("completed"));
        Assert.That(run.Result!.IssuesCreated, Is.EqualTo(2));
        Assert.That(issues.Select(i => i.Title), Is.EquivalentTo(new[] { "Connection refused", "Disk full" }));
    }

    [Test]
    public async Task IngestAsync_AnEventWithoutMessage_IsRefusedAloneWithItsReason()
    {
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));

        var ingested = await sdk.IngestAsync(new IngestRequest([Event("fine"), Event("x") with { Message = null }]));

        Assert.That((ingested.Accepted, ingested.Rejected), Is.EqualTo((1, 1)));
        Assert.That(ingested.Errors!.Single().Index, Is.EqualTo(1));
        Assert.That(ingested.Errors!.Single().Message, Does.Contain("message"));
    }

    [Test]
    public void IngestAsync_WithAUserToken_ThrowsWith403()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.IngestAsync(new IngestRequest([Event("Boom")])));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.Not.Empty);
    }

    [Test]
    public async Task ListJobRunsAsync_ThreeRunsInPagesOfTwo_NewestFirst_AndGetJobRunAsyncReadsOne()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var triggered = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            triggered.Add((await owner.TriggerScanAsync(Team.Team.Id)).Id);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await owner.ListJobRunsAsync(Team.Team.Id, pageSize: 2).Select(r => r.Id).ToListAsync();
        var one = await owner.GetJobRunAsync(triggered[0]);

        Assert.That(listed, Is.EqualTo(Enumerable.Reverse(triggered).ToList()));
        Assert.That(one.JobType, Is.EqualTo("issue_scan"));
        Assert.That(one.TriggeredBy, Is.EqualTo("manual"));
    }

    [Test]
    public void TriggerScanAsync_AsMember_ThrowsWith403()
    {
        var member = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => member.TriggerScanAsync(Team.Team.Id));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Only a team owner or admin may do this"));
    }

    [Test]
    public async Task ListEventsAsync_FivePagesOfOne_AndGetEventAsync_ReadTheStoredEvents()
    {
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        await sdk.IngestAsync(new IngestRequest([.. Enumerable.Range(0, 5).Select(i => Event($"Crash {i}"))]));
        await owner.TriggerScanAsync(Team.Team.Id);

        var events = await owner.ListEventsAsync(new EventListQuery { ProjectId = Team.Project.Id, PageSize = 1, Order = "asc" }).ToListAsync();
        var one = await owner.GetEventAsync(events[0].Id);

        Assert.That(events.Select(e => e.Message), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"Crash {i}")));
        Assert.That(events.Select(e => e.Id).Distinct().Count(), Is.EqualTo(5));
        Assert.That(one.Message, Is.EqualTo(events[0].Message));
        Assert.That(one.Level, Is.EqualTo("error"));
        Assert.That(one.Attachments, Is.Empty);
    }

    [Test]
    public void GetEventAsync_Unknown_ThrowsWith404()
    {
        var owner = ClientFor(Team.Token(TeamRole.Owner));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.GetEventAsync(Guid.NewGuid()));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(refused.Error, Does.Contain("not found").IgnoreCase);
    }

    [Test]
    public async Task Attachments_ReserveUploadListDownloadAndDelete_RoundTripTheBytes()
    {
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var content = Encoding.UTF8.GetBytes("stack trace\n  at Main()");
        var clientEventId = Guid.NewGuid();

        var reservation = await sdk.ReserveAttachmentAsync(new ReserveAttachmentRequest(
            clientEventId.ToString(), "crash.log", "text/plain", content.Length, Convert.ToHexStringLower(SHA256.HashData(content))));
        var uploaded = await sdk.UploadAttachmentAsync(reservation, new MemoryStream(content), "text/plain");
        var listed = await owner.ListAttachmentsAsync(new AttachmentListQuery { ProjectId = Team.Project.Id }).ToListAsync();
        using var downloaded = new MemoryStream();
        var detail = await owner.DownloadAttachmentAsync(reservation.AttachmentId, downloaded);
        await owner.DeleteAttachmentAsync(reservation.AttachmentId);
        var gone = Assert.ThrowsAsync<OwlmetryApiException>(() => owner.GetAttachmentAsync(reservation.AttachmentId));

        Assert.That(uploaded.SizeBytes, Is.EqualTo(content.Length));
        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { reservation.AttachmentId }));
        Assert.That(listed[0].EventClientId, Is.EqualTo(clientEventId));
        Assert.That(detail.DownloadUrl, Is.Not.Null);
        Assert.That(downloaded.ToArray(), Is.EqualTo(content));
        Assert.That(gone!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UploadAttachmentAsync_Twice_ThrowsWith409AlreadyUploaded()
    {
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        var content = Encoding.UTF8.GetBytes("log");
        var reservation = await sdk.ReserveAttachmentAsync(new ReserveAttachmentRequest(
            Guid.NewGuid().ToString(), "a.log", "text/plain", content.Length, Convert.ToHexStringLower(SHA256.HashData(content))));
        await sdk.UploadAttachmentAsync(reservation, new MemoryStream(content), "text/plain");

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => sdk.UploadAttachmentAsync(reservation, new MemoryStream(content), "text/plain"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refused.Error, Is.EqualTo("Attachment already uploaded"));
    }

    private static IngestEventRequest Event(string message) => new()
    {
        Message = message, Level = "error", SessionId = Guid.NewGuid().ToString(), ClientEventId = Guid.NewGuid().ToString(), AppVersion = "1.0.0",
    };
}
