using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Comments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Bodies broken below the JSON (their encoding, their text, their charset) are a 4xx on every route, never a 500.</summary>
public sealed class BadBodyTests : HttpApiFixture
{
    private static readonly string[] s_encodings = ["gzip", "br", "deflate"];

    private static readonly (string Method, string Path, bool Ingest)[] s_bodyRoutes =
    [
        ("POST", "/v1/ingest", true),
        ("POST", "/v1/ingest/attachment", true),
        ("PATCH", "/v1/projects/{project}/issues/{issue}", false),
        ("POST", "/v1/projects/{project}/issues/{issue}/comments", false),
        ("PATCH", "/v1/projects/{project}", false),
        ("POST", "/v1/teams/{team}/webhooks", false),
    ];

    private Issue _issue = null!;

    [SetUp]
    public async Task SeedIssueAsync() => _issue = await Team.SeedIssueAsync();

    public static IEnumerable<TestCaseData> BodyRoutesAndEncodings() =>
        from encoding in s_encodings
        from route in s_bodyRoutes
        select new TestCaseData(route.Method, route.Path, route.Ingest, encoding).SetName($"{route.Method} {route.Path} {encoding}");

    [TestCaseSource(nameof(BodyRoutesAndEncodings))]
    public async Task AnyBodyRoute_BodyNotInItsDeclaredEncoding_Is400NamingTheEncoding(string method, string path, bool ingest, string encoding)
    {
        using var client = await ClientAsync(ingest);

        using var response = await SendBytesAsync(client, method, path, ValidJson, "application/json", encoding);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo($"The body is not valid {encoding} data"));
    }

    // A flipped brotli stream can still decode, to bytes that are not JSON: any 400 with a message will do.
    [TestCaseSource(nameof(BodyRoutesAndEncodings))]
    public async Task AnyBodyRoute_CorruptCompressedBody_Is400WithMessage(string method, string path, bool ingest, string encoding)
    {
        using var client = await ClientAsync(ingest);

        using var response = await SendBytesAsync(client, method, path, Flipped(CompressedBodies.Compress(encoding, ValidJson)), "application/json", encoding);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.Not.Null.And.Not.Empty);
    }

    [TestCaseSource(nameof(s_encodings))]
    public async Task AnyBodyRoute_TruncatedCompressedBody_IsClientErrorWithMessage(string encoding)
    {
        foreach (var (method, path, ingest) in s_bodyRoutes)
        {
            using var client = await ClientAsync(ingest);

            using var response = await SendBytesAsync(client, method, path, CompressedBodies.Truncated(encoding, ValidJson), "application/json", encoding);

            Assert.That((int)response.StatusCode, Is.InRange(400, 499), $"{method} {path}: {await response.Content.ReadAsStringAsync()}");
            Assert.That(await response.ErrorAsync(), Is.Not.Null.And.Not.Empty, $"{method} {path}");
        }
    }

    [TestCaseSource(nameof(s_encodings))]
    public async Task Upload_CorruptCompressedBody_Is400AndKeepsNoBytes(string encoding)
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("at Checkout.Pay() line 42\n", 200)));
        var key = await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
        using var sdk = Team.ClientWith(key);
        var reserved = await ClientFor(key).ReserveAttachmentAsync(ClientAttachments.Reservation(content));

        using var response = await SendBytesAsync(sdk, "PUT", reserved.UploadUrl, Flipped(CompressedBodies.Compress(encoding, content)), "text/plain", encoding);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await Factory.Blobs.OpenReadAsync(reserved.AttachmentId), Is.Null);
    }

    public static IEnumerable<TestCaseData> BodyRoutesAndUnsupportedEncodings() =>
        from encoding in new[] { "zstd", "gzip, br" }
        from route in s_bodyRoutes
        select new TestCaseData(route.Method, route.Path, route.Ingest, encoding).SetName($"{route.Method} {route.Path} {encoding}");

    [TestCaseSource(nameof(BodyRoutesAndUnsupportedEncodings))]
    public async Task AnyBodyRoute_EncodingNoDecoderTakes_Is415NamingItAndTheSupportedOnes(string method, string path, bool ingest, string encoding)
    {
        using var client = await ClientAsync(ingest);

        using var response = await SendBytesAsync(client, method, path, ValidJson, "application/json", encoding);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo($"Content-Encoding '{encoding}' is not supported; send one of br, deflate, gzip, or no encoding"));
    }

    [TestCase("identity")]
    [TestCase("GZIP")]
    public async Task Ingest_IdentityOrAnEncodingInCapitals_IsRead(string encoding)
    {
        using var client = await ClientAsync(ingest: true);
        var json = Encoding.UTF8.GetBytes($"{{\"events\":[{ValidEvent}]}}");
        var body = encoding == "identity" ? json : CompressedBodies.Compress("gzip", json);

        using var response = await SendBytesAsync(client, "POST", "/v1/ingest", body, "application/json", encoding);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IngestOutcomeAsync(response), Is.EqualTo((1, 0, (string?)null)));
    }

    [Test]
    public async Task Upload_EncodingNoDecoderTakes_Is415AndKeepsNoBytes()
    {
        var content = Encoding.UTF8.GetBytes("at Checkout.Pay() line 42\n");
        var key = await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
        using var sdk = Team.ClientWith(key);
        var reserved = await ClientFor(key).ReserveAttachmentAsync(ClientAttachments.Reservation(content));

        using var response = await SendBytesAsync(sdk, "PUT", reserved.UploadUrl, content, "text/plain", "zstd");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), await response.Content.ReadAsStringAsync());
        Assert.That(await Factory.Blobs.OpenReadAsync(reserved.AttachmentId), Is.Null);
    }

    public static IEnumerable<TestCaseData> JsonRoutesBeyondIngest() =>
        from route in s_bodyRoutes.Where(r => r.Path != "/v1/ingest").Append((Method: "POST", Path: "/v1/auth/login", Ingest: false)).Append((Method: "POST", Path: "/mcp", Ingest: false))
        select new TestCaseData(route.Method, route.Path, route.Ingest).SetName($"{route.Method} {route.Path}");

    // A few hundred bytes of gzip that inflate past 256 KiB, four times the longest comment. The test server does not
    // enforce the limit on bodies sent as they are; Kestrel does (BodyLimitsServerProcessTests).
    [TestCaseSource(nameof(JsonRoutesBeyondIngest))]
    public async Task JsonRouteBeyondIngest_GzipInflatingPast256KiB_Is413BeforeItIsParsed(string method, string path, bool ingest)
    {
        using var client = await ClientAsync(ingest);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        var json = Encoding.UTF8.GetBytes($"{{\"body\":\"{new string('a', OwlmetryIssuesApiOptions.MaxJsonBodyBytes)}\"}}");

        using var response = await SendBytesAsync(client, method, path, CompressedBodies.Compress("gzip", json), "application/json", "gzip");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Body exceeds 262144 bytes"));
    }

    [Test]
    public async Task Comment_OfTheLongestTextAllWrittenAsEscapes_IsTaken()
    {
        using var client = await ClientAsync(ingest: false);
        var json = Encoding.UTF8.GetBytes($"{{\"body\":\"{string.Concat(Enumerable.Repeat("\\u00e9", CommentRules.MaxBodyLength))}\"}}");

        using var response = await SendBytesAsync(client, "POST", "/v1/projects/{project}/issues/{issue}/comments", json, "application/json", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private const string ValidEvent = "{\"message\":\"x\",\"level\":\"error\",\"session_id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\"}";

    [TestCase("\"message\":\"\\ud800\"", "message", TestName = "{m}_HighSurrogateInAMessage")]
    [TestCase("\"message\":\"x\",\"screen_name\":\"a\\udfff\\ud800b\"", "screen_name", TestName = "{m}_LowThenHighSurrogateInAScreenName")]
    [TestCase("\"message\":\"x\",\"custom_attributes\":{\"\\udc00\":\"v\"}", "a name in custom_attributes", TestName = "{m}_LowSurrogateAsAnAttributeName")]
    [TestCase("\"message\":\"x\",\"custom_attributes\":{\"k\":\"\\ud83dz\"}", "custom_attributes.k", TestName = "{m}_HighSurrogateBeforeALetterInAnAttributeValue")]
    [TestCase("\"message\":\"x\",\"\\ud800\":\"v\"", "a field name of the event", TestName = "{m}_HighSurrogateAsAFieldName")]
    public async Task Ingest_UnpairedSurrogateEscapeInAnEvent_RejectsThatEventAlone(string badFields, string field)
    {
        using var client = await ClientAsync(ingest: true);
        var json = $"{{\"events\":[{ValidEvent},{{\"level\":\"error\",\"session_id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\",{badFields}}}]}}";

        using var response = await SendBytesAsync(client, "POST", "/v1/ingest", Encoding.UTF8.GetBytes(json), "application/json", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IngestOutcomeAsync(response), Is.EqualTo((1, 1, $"events[1]: {field} is not valid Unicode text")));
        Assert.That(await Factory.IssueStore.ReadAsync(r => r.GetLastEventSequenceAsync()), Is.EqualTo(1), "the valid event was not kept");
    }

    [Test]
    public async Task Ingest_UnpairedSurrogateEscapeInTheBundleId_Is400AndAcceptsNothing()
    {
        using var client = await ClientAsync(ingest: true);
        var json = $"{{\"bundle_id\":\"\\udbff\\u0041\",\"events\":[{ValidEvent}]}}";

        using var response = await SendBytesAsync(client, "POST", "/v1/ingest", Encoding.UTF8.GetBytes(json), "application/json", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo(JsonText.InvalidTextMessage));
        Assert.That(await Factory.IssueStore.ReadAsync(r => r.GetLastEventSequenceAsync()), Is.Zero);
    }

    [TestCase(new byte[] { 0xFF })]
    [TestCase(new byte[] { 0xC3, 0x28 })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]
    [TestCase(new byte[] { 0xC0, 0xAF })]
    public async Task Ingest_InvalidUtf8InAMessage_RejectsThatEvent(byte[] invalid)
    {
        using var client = await ClientAsync(ingest: true);

        using var response = await SendBytesAsync(client, "POST", "/v1/ingest", IngestBodyWithMessage(invalid), "application/json", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IngestOutcomeAsync(response), Is.EqualTo((0, 1, "events[0]: message is not valid Unicode text")));
    }

    [Test]
    public async Task Ingest_NulCharacterInAnEvent_KeepsTheEventWithTheCharacterReplaced()
    {
        using var client = await ClientAsync(ingest: true);
        var json = $"{{\"events\":[{ValidEvent},{{\"level\":\"error\",\"session_id\":\"{Guid.NewGuid()}\",\"message\":\"bad\\u0000path\"}}]}}";

        using var response = await SendBytesAsync(client, "POST", "/v1/ingest", Encoding.UTF8.GetBytes(json), "application/json", null);
        using var owner = await ClientAsync(ingest: false);
        var listed = await owner.GetJsonAsync("/v1/events");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IngestOutcomeAsync(response), Is.EqualTo((2, 0, (string?)null)));
        Assert.That(listed["events"]!.AsArray().Select(e => e!.Text("message")), Is.EquivalentTo(new[] { "x", "bad\uFFFDpath" }), listed.ToJsonString());
    }

    [TestCase("POST", "/v1/projects/{project}/issues/{issue}/comments", "{\"body\":\"see\\u0000log\"}", "$.body", TestName = "{m}_CommentBody")]
    [TestCase("PATCH", "/v1/projects/{project}/issues/{issue}", "{\"status\":\"resolved\",\"resolved_at_version\":\"1.0\\u0000\"}", "$.resolved_at_version", TestName = "{m}_ResolvedAtVersion")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"issue_alert_frequency\":\"daily\\u0000\"}", "$.issue_alert_frequency", TestName = "{m}_AlertFrequency")]
    [TestCase("POST", "/v1/teams", "{\"name\":\"Nul\\u0000Team\",\"slug\":\"nul-team\"}", "$.name", TestName = "{m}_TeamName")]
    [TestCase("POST", "/v1/teams/{team}/webhooks", "{\"url\":\"https://93.184.216.34/x\",\"secret\":\"s\\u0000\"}", "$.secret", TestName = "{m}_WebhookSecret")]
    [TestCase("POST", "/v1/teams/{team}/webhooks", "{\"url\":\"https://93.184.216.34/x\",\"events\":[\"issue.new\\u0000\"]}", "$.events", TestName = "{m}_AnItemOfAList")]
    [TestCase("POST", "/v1/auth/login", "{\"email\":\"a\\u0000@example.com\",\"password\":\"whatever-123\"}", "$.email", TestName = "{m}_LoginEmail")]
    public async Task JsonRoute_NulCharacterInAString_Is400NamingTheMember(string method, string path, string json, string member)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        using var response = await SendBytesAsync(client, method, path, Encoding.UTF8.GetBytes(json), "application/json", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo($"Invalid JSON body at {member}: a string contains the NUL character (U+0000)"));
    }

    [TestCase("\"\\ud800\"", TestName = "{m}_LoneHighSurrogate")]
    [TestCase("\"\\udfff\\ud800\"", TestName = "{m}_LowThenHighSurrogate")]
    public async Task UpdateProject_UnpairedSurrogateInAlertFrequency_Is400AndChangesNothing(string value)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        using var response = await SendBytesAsync(
            client, "PATCH", "/v1/projects/{project}", Encoding.UTF8.GetBytes($"{{\"issue_alert_frequency\":{value}}}"), "application/json", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Invalid JSON body at $.issue_alert_frequency: a string is not valid Unicode text"));
        Assert.That((await Factory.Directory.FindProjectAsync(Team.Project.Id))!.IssueAlertFrequency, Is.Null);
    }

    [TestCase("PATCH", "/v1/projects/{project}/issues/{issue}", "{\"status\":\"in_progress\"}", "no-such-charset")]
    [TestCase("POST", "/v1/projects/{project}/issues/{issue}/comments", "{\"body\":\"note\"}", "no-such-charset")]
    [TestCase("POST", "/v1/teams", "{\"name\":\"B\",\"slug\":\"b-team\"}", "no-such-charset")]
    [TestCase("POST", "/v1/projects/{project}/issues/{issue}/merge", "{\"source_issue_id\":\"x\"}", "\"utf-8\"")]
    public async Task JsonRoute_UnknownCharset_Is415WithMessage(string method, string path, string json, string charset)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        using var response = await SendBytesAsync(client, method, path, Encoding.UTF8.GetBytes(json), $"application/json; charset={charset}", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.EqualTo("The charset of the Content-Type is not supported; send UTF-8"));
    }

    private static byte[] ValidJson => Encoding.UTF8.GetBytes("{\"status\":\"in_progress\",\"body\":\"note\",\"events\":[]}");

    /// <summary>Compressed data with bytes past its header inverted, so the decoder meets data it cannot decode.</summary>
    private static byte[] Flipped(byte[] compressed)
    {
        var corrupt = (byte[])compressed.Clone();
        for (var i = Math.Min(3, corrupt.Length - 1); i < corrupt.Length; i += 2)
        {
            corrupt[i] ^= 0xFF;
        }

        return corrupt;
    }

    private static byte[] IngestBodyWithMessage(byte[] messageBytes) =>
        [
            .. Encoding.UTF8.GetBytes("{\"events\":[{\"level\":\"error\",\"session_id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\",\"message\":\"a"),
            .. messageBytes,
            .. Encoding.UTF8.GetBytes("b\"}]}"),
        ];

    /// <summary>Accepted, rejected, and the one error's message.</summary>
    private static async Task<(int Accepted, int Rejected, string? Error)> IngestOutcomeAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        return (body["accepted"]!.GetValue<int>(), body["rejected"]!.GetValue<int>(), body["errors"]?.AsArray().Single()!.Text("message"));
    }

    private async Task<HttpClient> ClientAsync(bool ingest) =>
        ingest ? Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)) : Team.ClientWith(Team.Token(TeamRole.Owner));

    private Task<HttpResponseMessage> SendBytesAsync(HttpClient client, string method, string path, byte[] body, string contentType, string? encoding)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        }

        var target = Fill(path.Replace("{issue}", _issue.Id.ToString(), StringComparison.Ordinal));
        return client.SendAsync(new HttpRequestMessage(new HttpMethod(method), target) { Content = content });
    }
}
