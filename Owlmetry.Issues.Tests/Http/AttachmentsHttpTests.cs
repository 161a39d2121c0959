using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The attachment routes where the wire is the subject: body shapes, refused query strings, the signed download's
/// headers and status codes, the delete body. Arranged through the client.
/// </summary>
public sealed class AttachmentsHttpTests : AttachmentsApiFixture
{
    [Test]
    public async Task IssueDetail_AttachmentOfAnEventThatLandedOnIt_IsListedInTheReferenceShape()
    {
        var clientEventId = Guid.NewGuid();
        var attachmentId = await Sdk.AddAttachmentAsync("stack trace", clientEventId);
        await Sdk.IngestAsync(ClientIngest.Error("Payment failed", clientEventId));
        await Owner.TriggerScanAsync(Team.Team.Id);
        var issue = await Owner.ListIssuesAsync(Team.Project.Id).FirstAsync();

        var detail = await OwnerHttp.GetJsonAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Id}");

        var attachment = detail["attachments"]!.AsArray().Single()!;
        Assert.That(attachment.MemberNames(), Is.EqualTo(new[] { "content_type", "created_at", "event_id", "id", "original_filename", "size_bytes", "uploaded_at" }));
        Assert.That(attachment.Text("id"), Is.EqualTo(attachmentId.ToString()));
        Assert.That(attachment.Text("event_id"), Is.EqualTo(detail["occurrences"]![0]!.Text("event_id")));
    }

    [Test]
    public async Task List_Item_HasEveryField()
    {
        var clientEventId = Guid.NewGuid();
        await Sdk.AddAttachmentAsync("x", clientEventId);

        var item = (await OwnerHttp.GetJsonAsync($"/v1/attachments?event_client_id={clientEventId}"))["attachments"]![0]!;

        Assert.That(item.MemberNames(), Is.EqualTo(new[]
        {
            "app_id", "content_type", "created_at", "event_client_id", "event_id", "id", "is_dev", "issue_id", "original_filename",
            "project_id", "sha256", "size_bytes", "uploaded_at", "user_id",
        }));
        Assert.That(item.Text("event_client_id"), Is.EqualTo(clientEventId.ToString()));
    }

    [TestCase("project_id=nope", "project_id must be a UUID")]
    [TestCase("issue_id=nope", "issue_id must be a UUID")]
    [TestCase("event_id=nope", "event_id must be a UUID")]
    [TestCase("event_client_id=nope", "event_client_id must be a UUID")]
    [TestCase("cursor=%%%", "Invalid cursor")]
    public async Task List_BadQuery_Is400(string query, string message)
    {
        var response = await OwnerHttp.GetAsync($"/v1/attachments?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(message));
    }

    [Test]
    public async Task List_NonNumericLimit_FallsBackToTheDefault()
    {
        await Sdk.AddAttachmentAsync("x");

        var response = await OwnerHttp.GetAsync($"/v1/attachments?project_id={Team.Project.Id}&limit=many");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Download_SignedUrl_ServesTheBytesAsANoSniffDownloadWithoutCredentials()
    {
        var id = await Sdk.AddAttachmentAsync("the log's text", filename: "crash report.log");
        var detail = await OwnerHttp.GetJsonAsync($"/v1/attachments/{id}");
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync(detail["download_url"]!.Text("url"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("the log's text"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("crash report.log"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(14));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(detail["download_url"]!.Text("url"), Does.StartWith("http://localhost/v1/attachments/download?t="));
        Assert.That(
            (detail["download_url"]!.Text("original_filename"), detail["download_url"]!.Text("content_type"), detail["download_url"]!["size_bytes"]!.GetValue<long>()),
            Is.EqualTo(("crash report.log", "text/plain", 14L)));
        Assert.That(DateTimeOffset.Parse(detail["download_url"]!.Text("expires_at"), CultureInfo.InvariantCulture), Is.EqualTo(Factory.Clock.GetUtcNow().AddSeconds(60)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task Download_HtmlAttachment_IsServedAsOpaqueBytes()
    {
        var id = await Sdk.AddAttachmentAsync("<script>alert(1)</script>", filename: "page.html", contentType: "text/html");
        var url = await Owner.GetDownloadUrlAsync(id);

        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync(url);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
    }

    [Test]
    public async Task Download_TamperedOrExpiredToken_Is401AsInTheReference()
    {
        var id = await Sdk.AddAttachmentAsync("secret");
        var url = await Owner.GetDownloadUrlAsync(id);
        var token = url[(url.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        var tampered = url.Replace(token, token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..], StringComparison.Ordinal);
        using var anonymous = Team.ClientWith(null);

        var refused = await anonymous.GetAsync(tampered);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var expired = await anonymous.GetAsync(url);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "tampered");
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("Invalid or expired download token"));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "expired");
        Assert.That(await expired.ErrorAsync(), Is.EqualTo("Invalid or expired download token"));
    }

    [TestCase("/v1/attachments/download")]
    [TestCase("/v1/attachments/download?t=")]
    public async Task Download_NoToken_Is401Missing(string path)
    {
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing download token"));
    }

    [Test]
    public async Task Download_NotAToken_Is401InvalidOrExpired()
    {
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync("/v1/attachments/download?t=not-a-token");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Invalid or expired download token"));
    }

    [Test]
    public async Task Download_AttachmentDeletedAfterTheLinkWasMade_Is404()
    {
        var id = await Sdk.AddAttachmentAsync("soon gone");
        var url = await Owner.GetDownloadUrlAsync(id);
        await Owner.DeleteAttachmentAsync(id);
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Attachment not found"));
    }

    [Test]
    public async Task Download_GenuineTokenOfAnAttachmentNotYetUploaded_Is404()
    {
        var reserved = await Sdk.ReserveAttachmentAsync(ClientAttachments.Reservation(Encoding.UTF8.GetBytes("pending")));
        var token = Factory.Services.GetRequiredService<AttachmentDownloadSigner>().Sign(reserved.AttachmentId, Factory.Clock.GetUtcNow().AddSeconds(60));
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync($"/v1/attachments/download?t={token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Attachment not found"));
    }

    [Test]
    public async Task Get_NotYetUploaded_LeavesDownloadUrlOutAndUploadedHasIt()
    {
        var reserved = await Sdk.ReserveAttachmentAsync(ClientAttachments.Reservation(Encoding.UTF8.GetBytes("pending")));
        var uploadedId = await Sdk.AddAttachmentAsync("done");

        var pending = await OwnerHttp.GetJsonAsync($"/v1/attachments/{reserved.AttachmentId}");
        var uploaded = await OwnerHttp.GetJsonAsync($"/v1/attachments/{uploadedId}");

        Assert.That(pending.MemberNames(), Has.No.Member("download_url"), $"a reservation's detail: {pending.ToJsonString()}");
        Assert.That(pending["uploaded_at"], Is.Null, "uploaded_at stays, as null");
        Assert.That(pending.MemberNames(), Does.Contain("uploaded_at"));
        Assert.That(uploaded["download_url"]?["url"], Is.Not.Null, $"an uploaded attachment's detail: {uploaded.ToJsonString()}");
    }

    [TestCase("member", HttpStatusCode.Forbidden)]
    [TestCase("admin", HttpStatusCode.OK)]
    [TestCase("owner", HttpStatusCode.OK)]
    [TestCase("agent-events-write", HttpStatusCode.OK)]
    [TestCase("agent-events-read", HttpStatusCode.Forbidden)]
    [TestCase("client", HttpStatusCode.Forbidden)]
    public async Task Delete_ByCaller(string caller, HttpStatusCode status)
    {
        var id = await Sdk.AddAttachmentAsync("to delete");
        using var client = caller switch
        {
            "member" => Team.ClientWith(Team.Token(TeamRole.Member)),
            "admin" => Team.ClientWith(Team.Token(TeamRole.Admin)),
            "owner" => Team.ClientWith(Team.Token(TeamRole.Owner)),
            "agent-events-write" => Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.EventsWrite)),
            "agent-events-read" => Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.EventsRead)),
            _ => Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)),
        };

        var response = await client.DeleteAsync($"/v1/attachments/{id}");
        var after = await OwnerHttp.GetAsync($"/v1/attachments/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        if (status == HttpStatusCode.OK)
        {
            Assert.That((await response.JsonAsync()).ToJsonString(), Is.EqualTo("{\"ok\":true}"), "the reference's delete answer");
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
        else
        {
            Assert.That(await response.ErrorAsync(), Is.Not.Empty);
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [TestCase("/v1/attachments/not-a-uuid")]
    [TestCase("/v1/attachments/6d7e8f9a-0b1c-4d3e-8f4a-5b6c7d8e9f0a")]
    public async Task Get_UnknownOrMalformedId_Is404WithAnError(string path)
    {
        var response = await OwnerHttp.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.Not.Null);
    }

    [Test]
    public async Task OpenApiDocument_ListsTheAttachmentRoutes()
    {
        var paths = (await OwnerHttp.GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key);

        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/v1/ingest/attachment", "/v1/ingest/attachment/{attachmentId}", "/v1/attachments", "/v1/attachments/{attachmentId}",
            "/v1/attachments/download",
        }));
    }
}
