using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// <c>POST /v1/ingest</c> where the wire is the subject: the answer's members, bodies written as text or too large,
/// gzip, the country header, the rate limit's 429 (which the client would retry). Scans and reads go through the client.
/// </summary>
public sealed class IngestHttpTests : HttpApiFixture
{
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp() => _client = Team.ClientWith(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));

    [TearDown]
    public void TearDown() => _client.Dispose();

    [Test]
    public async Task Ingest_ValidErrorEvents_AreAcceptedAndBecomeIssuesAfterAScan()
    {
        var response = await _client.PostAsJsonAsync("/v1/ingest", new { events = new[] { Event("Connection refused"), Event("Connection refused") } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["accepted"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(body["rejected"]!.GetValue<int>(), Is.Zero);
        Assert.That(body["errors"], Is.Null, "errors is omitted when there are none");

        await TriggerScanAsync();
        var issues = await ClientFor(Team.Token(TeamRole.Owner)).ListIssuesAsync(Team.Project.Id).ToListAsync();
        Assert.That(issues.Single().OccurrenceCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Ingest_WronglyTypedEvent_IsRejectedAloneWithItsIndex()
    {
        var json = $$"""{"events":[{{Json(Event("ok"))}},{"message":123,"level":"error","session_id":"{{Guid.NewGuid()}}"},{{Json(Event("ok"))}}]}""";

        var response = await _client.PostAsync("/v1/ingest", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["accepted"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(body["errors"]![0]!["index"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(body["errors"]![0]!["message"]!.GetValue<string>(), Is.EqualTo("events[1]: message must be a string"));
    }

    [TestCase("{\"events\":[]}", 400, "events must be a non-empty array")]
    [TestCase("{}", 400, "events must be a non-empty array")]
    [TestCase("[]", 400, "Body must be a JSON object")]
    [TestCase("{\"events\":", 400, "Invalid JSON body")]
    public async Task Ingest_BadBatch_IsRejectedWhole(string json, int status, string message)
    {
        var response = await _client.PostAsync("/v1/ingest", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo(message));
    }

    [Test]
    public async Task Ingest_BodyOver1MiB_Is413()
    {
        var huge = new { events = new[] { Event(new string('x', 9_000)) }, padding = new string('p', 1 << 20) };

        var response = await _client.PostAsJsonAsync("/v1/ingest", huge);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase(true, 0)]
    [TestCase(false, 0)]
    [TestCase(true, 1)]
    [TestCase(false, 1)]
    public async Task Ingest_BodyOfExactly1MiB_IsAcceptedWhole_AndOneByteMoreIs413_WithOrWithoutAContentLength(bool contentLength, int over)
    {
        var json = BatchOfBytes((1 << 20) + over);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ingest")
        {
            Content = contentLength ? new ByteArrayContent(json) : new StreamContent(new TrickleStream(json, 3_000)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = !contentLength;

        var response = await _client.SendAsync(request);

        var answer = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(over == 0 ? HttpStatusCode.OK : HttpStatusCode.RequestEntityTooLarge), answer);
        if (over == 0)
        {
            Assert.That(JsonNode.Parse(answer)!["accepted"]!.GetValue<int>(), Is.EqualTo(100), "every event of the body read in pieces");
        }
    }

    [Test]
    public async Task Ingest_GzipBodyInflatingTo1MiB_IsReadWhole()
    {
        var content = Gzip(Encoding.UTF8.GetString(BatchOfBytes(1 << 20)));

        var response = await _client.PostAsync("/v1/ingest", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accepted"]!.GetValue<int>(), Is.EqualTo(100));
    }

    [Test]
    public async Task Ingest_GzipBody_IsInflatedAndAccepted()
    {
        var content = Gzip(Json(new { events = new[] { Event("zipped") } }));

        var response = await _client.PostAsync("/v1/ingest", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accepted"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Ingest_GzipInflatingPast1MiB_Is413()
    {
        var content = Gzip(Json(new { events = new[] { Event("x") }, padding = new string('a', 2 << 20) }));

        var response = await _client.PostAsync("/v1/ingest", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Ingest_CountryHeader_IsRecordedOnTheOccurrence()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ingest") { Content = JsonContent.Create(new { events = new[] { Event("geo") } }) };
        request.Headers.Add("CF-IPCountry", "de");
        await _client.SendAsync(request);
        await TriggerScanAsync();

        var owner = ClientFor(Team.Token(TeamRole.Owner));
        var issue = await owner.ListIssuesAsync(Team.Project.Id).FirstAsync();
        var detail = await owner.GetIssueAsync(Team.Project.Id, issue.Id);

        Assert.That(detail.Occurrences[0].CountryCode, Is.EqualTo("DE"));
    }

    [Test]
    public async Task Ingest_OverTheBucket_Is429WithRetryAfter()
    {
        using var limited = new OwlmetryServerFactory(new Dictionary<string, string?>
        {
            ["Ingest:RateLimit:PermitLimit"] = "2",
            ["Ingest:RateLimit:TokensPerSecond"] = "0.01",
        });
        var team = await HttpTeam.CreateAsync(limited);
        using var client = team.ClientWith(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/v1/ingest", new { events = new[] { Event("x") } });
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Headers.RetryAfter, Is.Not.Null);
        Assert.That(JsonNode.Parse(await last.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("Rate limit exceeded"));
    }

    private static object Event(string message, Guid? clientEventId = null) => new
    {
        message,
        level = "error",
        session_id = Guid.NewGuid(),
        client_event_id = clientEventId,
        environment = "backend",
    };

    /// <summary>A full batch of long messages, padded with a member ingest ignores to exactly <paramref name="bytes"/> of UTF-8.</summary>
    private static byte[] BatchOfBytes(int bytes)
    {
        var events = Enumerable.Range(0, EventRules.MaxBatchSize).Select(i => Event($"{i} {new string('m', 9_000)}")).ToArray();
        var unpadded = Json(new { events, padding = "" });
        var json = unpadded.Insert(unpadded.Length - 2, new string('p', bytes - Encoding.UTF8.GetByteCount(unpadded)));
        return Encoding.UTF8.GetBytes(json);
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static ByteArrayContent Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    private async Task TriggerScanAsync() => await ClientFor(Team.Token(TeamRole.Owner)).TriggerScanAsync(Team.Team.Id);
}
