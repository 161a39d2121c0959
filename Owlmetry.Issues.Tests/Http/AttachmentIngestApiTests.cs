using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.HttpAttachments;
using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// <c>POST /v1/ingest/attachment</c> and <c>PUT /v1/ingest/attachment/:id</c> over the real pipeline: their statuses,
/// bodies and content handling are the subject, so they are sent raw; reservations that only set a test up go through the client.
/// </summary>
public sealed class AttachmentIngestApiTests : HttpApiFixture
{
    private HttpClient _sdk = null!;
    private OwlmetryIssuesClient _sdkClient = null!;
    private string _sdkKey = null!;

    [SetUp]
    public async Task SetUp()
    {
        _sdkKey = await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
        _sdk = Team.ClientWith(_sdkKey);
        _sdkClient = ClientFor(_sdkKey);
    }

    [TearDown]
    public void TearDown() => _sdk.Dispose();

    private protected override OwlmetryServerFactory CreateServer() =>
        new(new Dictionary<string, string?> { ["Attachments:UserQuotaBytes"] = "100", ["Attachments:ProjectQuotaBytes"] = "1000000" });

    [Test]
    public async Task Reserve_ValidBody_Is201WithTheUploadUrlAndItsExpiry()
    {
        var response = await _sdk.ReserveAsync(Reservation(Encoding.UTF8.GetBytes("log")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = body.Text("attachment_id");
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "attachment_id", "expires_at", "upload_url" }));
        Assert.That(body.Text("upload_url"), Is.EqualTo($"http://localhost/v1/ingest/attachment/{id}"));
        Assert.That(DateTimeOffset.Parse(body.Text("expires_at"), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Factory.Clock.GetUtcNow().AddHours(24)));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/v1/attachments/{id}"));
    }

    public static IEnumerable<TestCaseData> RefusedReservations()
    {
        var valid = Reservation(Encoding.UTF8.GetBytes("log"));
        yield return Case("{}", 400, "client_event_id is required", "invalid_request");
        yield return Case("", 400, "client_event_id is required", "invalid_request").SetArgDisplayNames("400 empty body");
        yield return Case("{\"client_event_id\":", 400, "Invalid JSON body at $.client_event_id", code: null);
        yield return Case(Json(valid).Replace("\"size_bytes\":3", "\"size_bytes\":\"three\"", StringComparison.Ordinal), 400, "Invalid JSON body at $.size_bytes", code: null);
        yield return Case(Json(valid).Replace("\"size_bytes\":3", "\"size_bytes\":0", StringComparison.Ordinal), 400, "size_bytes must be positive", "invalid_request");
        yield return Case(Json(valid).Replace("crash.log", "../crash.log", StringComparison.Ordinal), 400, "original_filename must be a file name without path separators or control characters", "invalid_request");
        yield return Case(Json(valid).Replace("\"sha256\":\"", "\"sha256\":\"X", StringComparison.Ordinal), 400, "sha256 must be 64 lowercase hex digits", "invalid_request");
        yield return Case(Json(valid).Replace("\"size_bytes\":3", "\"size_bytes\":262144001", StringComparison.Ordinal), 413,
            "size_bytes is 262144001 bytes (250 MiB); the largest attachment accepted is 262144000 bytes (250 MiB)", code: null);
        yield return Case(Json(valid).Replace("crash.log", "setup.exe", StringComparison.Ordinal), 415, "Executables and scripts are not accepted as attachments (.exe files)", "disallowed_content_type");
        yield return Case(Json(valid).Replace("text/plain", "application/x-sh", StringComparison.Ordinal), 415, "Executables and scripts are not accepted as attachments (content_type application/x-sh)", "disallowed_content_type");
    }

    [TestCaseSource(nameof(RefusedReservations))]
    public async Task Reserve_RefusedBody_IsTheStatusWithAnErrorMessageAndTheReferencesCode(string json, int status, string message, string? code)
    {
        var response = await _sdk.PostAsync("/v1/ingest/attachment", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        await AssertRefusalAsync(response, message, code);
    }

    [Test]
    public async Task Reserve_OverTheConfiguredUserQuota_Is413UserQuotaExhaustedWithTheFiguresOtherUsersStillFit()
    {
        await _sdkClient.AddAttachmentAsync(new string('a', 60));
        await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(new byte[60], userId: "u1"));

        var over = await _sdk.ReserveAsync(Reservation(new byte[41], userId: "u1"));
        var otherUser = await _sdk.ReserveAsync(Reservation(new byte[41], userId: "u2"));

        Assert.That(over.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var body = await AssertRefusalAsync(over,
            "Attachment quota of the user exceeded: 60 bytes (0 MiB) of 100 bytes (0 MiB) in use, and this attachment needs 41 bytes (0 MiB)",
            "user_quota_exhausted");
        Assert.That((Figure(body, "user_quota_bytes"), Figure(body, "user_used_bytes")), Is.EqualTo((100L, 60L)), "the user's quota and usage");
        Assert.That(body.MemberNames(), Has.No.Member("quota_bytes").And.No.Member("used_bytes"), "a user's refusal carries the project's figures");
        Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Reserve_OverTheConfiguredProjectQuota_Is413QuotaExhaustedWithTheProjectsFigures()
    {
        await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(new byte[999_950]));

        var over = await _sdk.ReserveAsync(Reservation(new byte[51]));

        Assert.That(over.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var body = await AssertRefusalAsync(over,
            "Attachment quota of the project exceeded: 999950 bytes (0.95 MiB) of 1000000 bytes (0.95 MiB) in use, and this attachment needs 51 bytes (0 MiB)",
            "quota_exhausted");
        Assert.That((Figure(body, "quota_bytes"), Figure(body, "used_bytes")), Is.EqualTo((1_000_000L, 999_950L)), "the project's quota and usage");
        Assert.That(body.MemberNames(), Has.No.Member("user_quota_bytes").And.No.Member("user_used_bytes"), "a project's refusal carries the user's figures");
    }

    [Test]
    public async Task Reserve_OverTheUserAndTheProjectQuota_IsTheUsersRefusalAsTheReferenceChecksItFirst()
    {
        await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(new byte[999_900]));
        await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(new byte[60], userId: "u1"));

        var over = await _sdk.ReserveAsync(Reservation(new byte[41], userId: "u1"));

        Assert.That(over.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await over.JsonAsync())["code"]?.GetValue<string>(), Is.EqualTo("user_quota_exhausted"), "both quotas are full; the user's is named");
    }

    [Test]
    public async Task Reserve_SameFileAgainAfterItWasUploaded_Is409AlreadyUploaded()
    {
        var content = Encoding.UTF8.GetBytes("done");
        var clientEventId = Guid.NewGuid();
        var reserved = await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content, clientEventId));
        await _sdk.UploadAsync(reserved.UploadUrl, content);

        var again = await _sdk.ReserveAsync(Reservation(content, clientEventId));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        await AssertRefusalAsync(again, "This file is already attached to the event", "already_uploaded");
    }

    [TestCase("user")]
    [TestCase("agent")]
    public async Task Reserve_NotAClientKey_Is403(string caller)
    {
        using var client = Team.ClientWith(caller == "user"
            ? Team.Token(TeamRole.Owner)
            : await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.EventsWrite));

        var response = await client.ReserveAsync(Reservation(new byte[3]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await AssertRefusalAsync(response, "Attachments require a client key bound to an app", code: null);
    }

    [Test]
    public async Task Reserve_AgentKeyWithoutEventsWrite_Is403MissingPermission()
    {
        using var client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read));

        var response = await client.ReserveAsync(Reservation(new byte[3]));

        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing permission: events:write"));
    }

    [Test]
    public async Task Reserve_NoCredentials_Is401()
    {
        using var anonymous = Team.ClientWith(null);

        var response = await anonymous.ReserveAsync(Reservation(new byte[3]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Upload_MatchingBytes_Is200WithSizeAndHash()
    {
        var content = Encoding.UTF8.GetBytes("NullReferenceException");
        var reserved = await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content));

        var response = await _sdk.UploadAsync(reserved.UploadUrl, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.That(body.MemberNames(), Is.EqualTo(new[] { "attachment_id", "sha256", "size_bytes" }));
        Assert.That(body.Text("attachment_id"), Is.EqualTo(reserved.AttachmentId.ToString()));
        Assert.That(body["size_bytes"]!.GetValue<long>(), Is.EqualTo(content.Length));
        Assert.That(body.Text("sha256"), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))));
    }

    [TestCase("image/png")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase(null)]
    public async Task Upload_AnyContentType_IsAccepted(string? contentType)
    {
        var content = Encoding.UTF8.GetBytes("bytes");
        var url = (await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content))).UploadUrl;
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await _sdk.PutAsync(url, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Upload_Twice_SecondIs409()
    {
        var content = Encoding.UTF8.GetBytes("once");
        var url = (await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content))).UploadUrl;
        await _sdk.UploadAsync(url, content);

        var second = await _sdk.UploadAsync(url, content);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        await AssertRefusalAsync(second, "Attachment already uploaded", "already_uploaded");
    }

    [Test]
    public async Task Upload_WrongBytes_Is400AndNothingIsKept()
    {
        var content = Encoding.UTF8.GetBytes("expected");
        var reserved = await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content));

        var wrongHash = await _sdk.UploadAsync(reserved.UploadUrl, Encoding.UTF8.GetBytes("EXPECTED"));
        var tooShort = await _sdk.UploadAsync(reserved.UploadUrl, Encoding.UTF8.GetBytes("expecte"));

        Assert.That(wrongHash.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await AssertRefusalAsync(wrongHash,
            $"The upload's SHA-256 is {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("EXPECTED")))}; "
            + $"the reservation declared {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}",
            "hash_mismatch");
        Assert.That(tooShort.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await AssertRefusalAsync(tooShort, "The upload is 7 bytes (0 MiB); the reservation declared 8 bytes (0 MiB)", "size_mismatch");
        Assert.That(await Factory.Blobs.OpenReadAsync(reserved.AttachmentId), Is.Null);
    }

    [Test]
    public async Task Upload_LongerThanDeclaredWithoutAContentLength_Is413()
    {
        var content = Encoding.UTF8.GetBytes("short");
        var url = (await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content))).UploadUrl;
        using var sdk = StreamingClient(Factory, _sdkKey);
        using var endless = new StreamContent(new CountingEndlessStream(chunk: 4_096));

        var response = await sdk.PutAsync(url, endless);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        await AssertRefusalAsync(response, "The upload is larger than the 5 bytes (0 MiB) declared at reservation; it was cut off", "size_mismatch");
    }

    [Test]
    public async Task Upload_ContentLengthLargerThanDeclared_Is413()
    {
        var content = Encoding.UTF8.GetBytes("short");
        var url = (await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content))).UploadUrl;

        var response = await _sdk.UploadAsync(url, Encoding.UTF8.GetBytes("shorter"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await response.JsonAsync())["code"]?.GetValue<string>(), Is.EqualTo("size_mismatch"));
    }

    [Test]
    public async Task Upload_BytesThatStartLikeAProgram_Is415DisallowedContentType()
    {
        var content = Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /");
        var url = (await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content, filename: "notes.txt"))).UploadUrl;

        var response = await _sdk.UploadAsync(url, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        await AssertRefusalAsync(response, "Executables and scripts are not accepted as attachments (the file starts like a program)", "disallowed_content_type");
    }

    [Test]
    public async Task Upload_Gzipped_IsCheckedAndStoredDecompressed()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("at Checkout.Pay() line 42\n", 2_000)));
        var reserved = await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content));
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var body = new ByteArrayContent(compressed.ToArray());
        body.Headers.ContentEncoding.Add("gzip");
        var response = await _sdk.PutAsync(reserved.UploadUrl, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(compressed.Length, Is.LessThan(content.Length / 10), "the body was not smaller than the file, so this tests nothing");
        await using var stored = (await Factory.Blobs.OpenReadAsync(reserved.AttachmentId))!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public async Task Upload_AfterTheUploadWindow_Is410()
    {
        var content = Encoding.UTF8.GetBytes("late");
        var url = (await _sdkClient.ReserveAttachmentAsync(ClientAttachments.Reservation(content))).UploadUrl;
        Factory.Clock.Advance(TimeSpan.FromHours(24));

        var response = await _sdk.UploadAsync(url, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        await AssertRefusalAsync(response, "The upload window of this attachment has closed; reserve it again", code: null);
    }

    [TestCase("not-a-uuid", 404)]
    [TestCase("6d7e8f9a-0b1c-4d3e-8f4a-5b6c7d8e9f0a", 404)]
    public async Task Upload_UnknownOrMalformedId_Is404(string id, int status)
    {
        var response = await _sdk.UploadAsync($"/v1/ingest/attachment/{id}", [1]);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.ErrorAsync(), Is.Not.Null);
    }

    [Test]
    public void UploadEndpoint_LiftsTheServerRequestBodyLimit()
    {
        var upload = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "UploadAttachment");

        var limit = upload.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        Assert.That(limit, Is.Not.Null, "no size-limit metadata: the server's 30 MB default applies");
        Assert.That(limit!.MaxRequestBodySize, Is.Null);
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static TestCaseData Case(string json, int status, string message, string? code) =>
        new TestCaseData(json, status, message, code).SetArgDisplayNames($"{status} {code ?? "no code"} {message}");

    /// <summary>
    /// The refusal carries <c>error</c> with <paramref name="message"/>, and with a code the reference's <c>code</c> and
    /// <c>message</c> beside it; without one, neither.
    /// </summary>
    private static async Task<JsonNode> AssertRefusalAsync(HttpResponseMessage response, string message, string? code)
    {
        var body = await response.JsonAsync();
        Assert.That(body["error"]?.GetValue<string>(), Is.EqualTo(message), $"error of {body.ToJsonString()}");
        if (code is null)
        {
            Assert.That(body.MemberNames(), Has.No.Member("code").And.No.Member("message"), "a refusal the reference gives no code has none");
        }
        else
        {
            Assert.That(body["code"]?.GetValue<string>(), Is.EqualTo(code), $"code of {body.ToJsonString()}");
            Assert.That(body["message"]?.GetValue<string>(), Is.EqualTo(message), $"message of {body.ToJsonString()}");
        }

        return body;
    }

    private static long Figure(JsonNode body, string name) =>
        body[name]?.GetValue<long>() ?? throw new AssertionException($"No figure '{name}' in {body.ToJsonString()}");
}
