using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Reading, downloading and deleting attachments over the real pipeline, and their link to issues.</summary>
public sealed class AttachmentsApiTests : AttachmentsApiFixture
{
    [Test]
    public async Task IssueDetail_AttachmentOfAnEventThatLandedOnIt_IsListedInTheReferenceShape()
    {
        var clientEventId = Guid.NewGuid();
        var attachmentId = await Sdk.AddAsync("stack trace", clientEventId);
        await Sdk.PostAsJsonAsync("/v1/ingest", new { events = new[] { new { message = "Payment failed", level = "error", session_id = Guid.NewGuid(), client_event_id = clientEventId } } });
        await Owner.PostAsJsonAsync($"/v1/teams/{Team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" });

        var issue = (await Owner.GetJsonAsync($"/v1/projects/{Team.Project.Id}/issues"))["issues"]![0]!;
        var detail = await Owner.GetJsonAsync($"/v1/projects/{Team.Project.Id}/issues/{issue.Text("id")}");

        var attachment = detail["attachments"]!.AsArray().Single()!;
        Assert.That(attachment.MemberNames(), Is.EqualTo(new[] { "content_type", "created_at", "event_id", "id", "original_filename", "size_bytes", "uploaded_at" }));
        Assert.That(attachment.Text("id"), Is.EqualTo(attachmentId));
        Assert.That(attachment.Text("event_id"), Is.EqualTo(detail["occurrences"]![0]!.Text("event_id")));
    }

    [Test]
    public async Task List_ByProjectPagedOneByOne_ReturnsEveryAttachmentOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Sdk.AddAsync($"log {i}"));
        }

        var walked = new List<string>();
        var path = $"/v1/attachments?project_id={Team.Project.Id}&limit=1";
        var page = await Owner.GetJsonAsync(path);
        while (true)
        {
            walked.AddRange(page["attachments"]!.AsArray().Select(a => a!.Text("id")));
            if (!page["has_more"]!.GetValue<bool>())
            {
                break;
            }

            page = await Owner.GetJsonAsync($"{path}&cursor={page.Text("cursor")}");
        }

        Assert.That(walked, Is.EquivalentTo(ids));
        Assert.That(walked, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task List_Item_HasEveryField()
    {
        var clientEventId = Guid.NewGuid();
        await Sdk.AddAsync("x", clientEventId);

        var item = (await Owner.GetJsonAsync($"/v1/attachments?event_client_id={clientEventId}"))["attachments"]![0]!;

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
        var response = await Owner.GetAsync($"/v1/attachments?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo(message));
    }

    [Test]
    public async Task List_NonNumericLimit_FallsBackToTheDefault()
    {
        await Sdk.AddAsync("x");

        var response = await Owner.GetAsync($"/v1/attachments?project_id={Team.Project.Id}&limit=many");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(ApiKeyType.Client, IssuePermissions.EventsWrite, 403)]
    [TestCase(ApiKeyType.Agent, IssuePermissions.Read, 403)]
    [TestCase(ApiKeyType.Agent, IssuePermissions.EventsRead, 200)]
    public async Task List_ByKey_NeedsEventsRead(ApiKeyType type, string permission, int status)
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(type, permission));

        var response = await client.GetAsync($"/v1/attachments?project_id={Team.Project.Id}");

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        if (status == 403)
        {
            Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: events:read"));
        }
    }

    [Test]
    public async Task Download_SignedUrl_ServesTheBytesAsANoSniffDownloadWithoutCredentials()
    {
        var id = await Sdk.AddAsync("the log's text", filename: "crash report.log");
        var detail = await Owner.GetJsonAsync($"/v1/attachments/{id}");
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
        var id = await Sdk.AddAsync("<script>alert(1)</script>", filename: "page.html", contentType: "text/html");
        var url = await Owner.GetDownloadUrlAsync(id);

        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync(url);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
    }

    [Test]
    public async Task Download_TamperedToken_Is403AndExpiredIs410()
    {
        var id = await Sdk.AddAsync("secret");
        var url = await Owner.GetDownloadUrlAsync(id);
        var token = url[(url.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        var tampered = url.Replace(token, token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..], StringComparison.Ordinal);
        using var anonymous = Team.ClientWith(null);

        var refused = await anonymous.GetAsync(tampered);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var expired = await anonymous.GetAsync(url);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("Invalid download link"));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await expired.ErrorAsync(), Is.EqualTo("The download link has expired; ask for a new one"));
    }

    [Test]
    public async Task Download_NoToken_Is400()
    {
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.GetAsync("/v1/attachments/download");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("t is required"));
    }

    [Test]
    public async Task Get_Reserved_HasNullDownloadUrl()
    {
        var reserved = await (await Sdk.ReserveAsync(HttpAttachments.Reservation(Encoding.UTF8.GetBytes("pending")))).JsonAsync();

        var detail = await Owner.GetJsonAsync($"/v1/attachments/{reserved.Text("attachment_id")}");

        Assert.That(detail["download_url"], Is.Null);
        Assert.That(detail["uploaded_at"], Is.Null);
    }

    [TestCase("member", HttpStatusCode.Forbidden)]
    [TestCase("admin", HttpStatusCode.OK)]
    [TestCase("owner", HttpStatusCode.OK)]
    [TestCase("agent-events-write", HttpStatusCode.OK)]
    [TestCase("agent-events-read", HttpStatusCode.Forbidden)]
    [TestCase("client", HttpStatusCode.Forbidden)]
    public async Task Delete_ByCaller(string caller, HttpStatusCode status)
    {
        var id = await Sdk.AddAsync("to delete");
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
        var after = await Owner.GetAsync($"/v1/attachments/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        if (status == HttpStatusCode.OK)
        {
            Assert.That((await response.JsonAsync()).ToJsonString(), Is.EqualTo("{\"deleted\":true}"));
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
        var response = await Owner.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.Not.Null);
    }

    [Test]
    public async Task OpenApiDocument_ListsTheAttachmentRoutes()
    {
        var paths = (await Owner.GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key);

        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/v1/ingest/attachment", "/v1/ingest/attachment/{attachmentId}", "/v1/attachments", "/v1/attachments/{attachmentId}",
            "/v1/attachments/download",
        }));
    }
}
