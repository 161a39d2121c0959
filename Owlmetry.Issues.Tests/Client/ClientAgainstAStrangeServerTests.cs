using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

/// <summary>
/// The client against a server that does not answer as the Owlmetry API does (another service at the address, a proxy
/// in front of it, a server handing out links to elsewhere, one asking to wait an hour or sending an endless body): where
/// the credential goes, what it throws, and that it stops. The server is a script on the client's primary handler; the client is registered as applications register it,
/// or made on an HttpClient of the application's own, where none of the registration's handlers are.
/// </summary>
public sealed class ClientAgainstAStrangeServerTests : HttpApiFixture
{
    private const string Key = "owl_agent_secret";

    // The MaxResponseSize of the tests of answers' size, and how many bytes their bodies hand out a read.
    private const int SizeBound = 1024;
    private const int Chunk = 256;
    private static readonly Uri s_base = new("https://issues.example/");
    private static readonly Guid s_id = Guid.NewGuid();

    private static readonly string s_attachmentWithSignedLink = JsonSerializer.Serialize(
        new AttachmentDetailResponse
        {
            Id = s_id, ProjectId = s_id, AppId = s_id, IssueId = null, EventId = null, EventClientId = s_id, UserId = null, IsDev = false,
            OriginalFilename = "a.txt", ContentType = "text/plain", SizeBytes = 3, Sha256 = "x", UploadedAt = DateTimeOffset.UnixEpoch,
            CreatedAt = DateTimeOffset.UnixEpoch,
            DownloadUrl = new AttachmentDownloadUrlResponse("https://issues.example/v1/attachments/download?t=SIGNED", DateTimeOffset.UnixEpoch, "a.txt", "text/plain", 3),
        },
        IssuesJson.CreateOptions());

    [Test]
    public async Task DownloadAttachmentAsync_TheSignedLinkIsSentNoCredential()
    {
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath.EndsWith("/download", StringComparison.Ordinal)
            ? ScriptedServer.Answer(HttpStatusCode.OK, "abc", "text/plain")
            : Json(s_attachmentWithSignedLink));
        var client = ClientOn(server);

        using var bytes = new MemoryStream();
        await client.DownloadAttachmentAsync(s_id, bytes);

        Assert.That(Encoding.UTF8.GetString(bytes.ToArray()), Is.EqualTo("abc"));
        Assert.That(server.Seen, Is.EqualTo(new[]
        {
            ($"GET https://issues.example/v1/attachments/{s_id}", $"Bearer {Key}"),
            ("GET https://issues.example/v1/attachments/download?t=SIGNED", null),
        }), "the API call carries the key; the signed link, its own credential, carries none");
    }

    [Test]
    public void DownloadAttachmentAsync_LinkRefused_TheMessageLeavesOutTheSignedToken()
    {
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath.EndsWith("/download", StringComparison.Ordinal)
            ? ScriptedServer.Answer(HttpStatusCode.Gone, """{"error":"The download link has expired"}""", "application/json")
            : Json(s_attachmentWithSignedLink));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => ClientOn(server).DownloadAttachmentAsync(s_id, Stream.Null));

        Assert.That(refused!.Message, Is.EqualTo("GET https://issues.example/v1/attachments/download answered 410: The download link has expired"), "a message ends up in logs");
    }

    [TestCase("https://elsewhere.example/v1/ingest/attachment/x", TestName = "{m}_AnotherHost")]
    [TestCase("http://issues.example/v1/ingest/attachment/x", TestName = "{m}_PlainHttpBehindATlsProxy")]
    [TestCase("https://issues.example:8443/v1/ingest/attachment/x", TestName = "{m}_AnotherPort")]
    public void UploadAttachmentAsync_UploadUrlOnAnotherOrigin_IsRefusedBeforeTheKeyIsSent(string uploadUrl)
    {
        var server = new ScriptedServer(_ => Json("""{"size_bytes":3,"sha256":"x"}"""));
        var reservation = new AttachmentReservationResponse(s_id, uploadUrl, DateTimeOffset.UnixEpoch);

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(() => ClientOn(server).UploadAttachmentAsync(reservation, new MemoryStream([1, 2, 3]), "text/plain"));

        Assert.That(refused!.Message, Does.StartWith($"The upload URL {uploadUrl} is not on https://issues.example"));
        Assert.That(server.Seen, Is.Empty, "nothing, and so no key, was sent");
    }

    [Test]
    public void ListIssuesAsync_ServerAnswersTheSameCursorAgain_ThrowsInsteadOfAskingForever()
    {
        var server = new ScriptedServer(_ => Json("""{"issues":[],"cursor":"same","has_more":true}"""));

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(async () => await ClientOn(server).ListIssuesAsync(s_id).ToListAsync());

        Assert.That(refused!.Message, Is.EqualTo($"GET v1/projects/{s_id}/issues answered the cursor it was asked for as the next page's"));
        Assert.That(server.Seen, Has.Count.EqualTo(2), "the first page, then the page of its cursor, which named itself again");
    }

    [TestCase("""{}""", "answered a page without its list", TestName = "{m}_EmptyObject")]
    [TestCase("""null""", "answered 200 with JSON null", TestName = "{m}_JsonNull")]
    [TestCase("""<html>Sign in</html>""", "answered 200 with a body that is not the API's JSON", TestName = "{m}_HtmlPage")]
    [TestCase("", "answered 200 with a body that is not the API's JSON", TestName = "{m}_EmptyBody")]
    public void ListIssuesAsync_AnswerThatIsNotTheApis_ThrowsTheProtocolException(string body, string expected)
    {
        var contentType = body.StartsWith('<') ? "text/html" : "application/json";
        var server = new ScriptedServer(_ => ScriptedServer.Answer(HttpStatusCode.OK, body, contentType));

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(async () => await ClientOn(server).ListIssuesAsync(s_id).ToListAsync());

        Assert.That(refused!.Message, Does.Contain($"v1/projects/{s_id}/issues ").And.Contain(expected), "one exception type, naming the route and what came back");
    }

    [Test]
    public void WhoAmIAsync_AnswerWithoutACaller_ThrowsTheProtocolException()
    {
        var server = new ScriptedServer(_ => Json("""{"name":"proxy"}"""));

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(() => ClientOn(server).WhoAmIAsync());

        Assert.That(refused!.Message, Does.StartWith("GET v1/auth/whoami answered no caller"), "a login must not take this for a user");
    }

    [Test]
    public void Redirect_IsARefusalNamingWhereItPoints()
    {
        var server = new ScriptedServer(_ =>
        {
            var moved = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
            moved.Headers.Location = new Uri("https://owlmetry.example/v1/projects?from=old");
            return moved;
        });

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => ClientOn(server).ListProjectsAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(refused.Error, Is.EqualTo("Redirected to https://owlmetry.example/v1/projects: use that address as the client's base address"));
    }

    [Test]
    public void AddOwlmetryIssuesClient_ThePrimaryHandlerDoesNotFollowRedirects()
    {
        using var services = new ServiceCollection().AddOwlmetryIssuesClient(o => o.BaseAddress = s_base).Services.BuildServiceProvider();
        var factory = services.GetRequiredService<IHttpMessageHandlerFactory>();

        HttpMessageHandler? handler = factory.CreateHandler(nameof(OwlmetryIssuesClient));
        while (handler is DelegatingHandler outer)
        {
            handler = outer.InnerHandler;
        }

        Assert.That(handler, Is.InstanceOf<SocketsHttpHandler>().With.Property(nameof(SocketsHttpHandler.AllowAutoRedirect)).False);
    }

    [Test]
    public void Timeout_ServerThatNeverAnswers_TheCallIsCancelledAfterIt()
    {
        var server = new ScriptedServer(_ => throw new InvalidOperationException("not reached"), hang: true);

        Assert.ThrowsAsync<TaskCanceledException>(
            () => ClientOn(server, o => o.Timeout = TimeSpan.FromMilliseconds(100)).ListProjectsAsync(),
            "the options' Timeout bounds a call");
    }

    [TestCase(HttpStatusCode.TooManyRequests, TestName = "{m}_429")]
    [TestCase(HttpStatusCode.ServiceUnavailable, TestName = "{m}_503")]
    public void RetryAfter_LongerThanMaxRetryAfter_IsThrownAtOnceWithTheDelay(HttpStatusCode status)
    {
        var server = new ScriptedServer(_ => Refusal(status, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1))));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => RetryingClientOn(server, new InstantTimers()).ListProjectsAsync(), "the refusal itself, not a timeout after waiting it out");

        Assert.Multiple(() =>
        {
            Assert.That(server.Seen, Has.Count.EqualTo(1), "an hour is not waited out (MaxRetryAfter is 30 s): no retry");
            Assert.That(refused!.StatusCode, Is.EqualTo(status));
            Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromHours(1)), "the server's delay, for the caller to schedule the call");
        });
    }

    [Test]
    public void RetryAfter_AnHttpDateFurtherThanMaxRetryAfter_IsThrownAtOnceWithTheTimeUntilIt()
    {
        var server = new ScriptedServer(_ =>
            Refusal(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddHours(1))));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => RetryingClientOn(server, new InstantTimers()).ListProjectsAsync(), "the refusal itself, not a timeout after waiting it out");

        Assert.Multiple(() =>
        {
            Assert.That(server.Seen, Has.Count.EqualTo(1), "an hour is not waited out (MaxRetryAfter is 30 s): no retry");
            // An HTTP date has whole seconds: the time until it is a little under the hour.
            Assert.That(
                refused!.RetryAfter, Is.Not.Null.And.InRange(TimeSpan.FromMinutes(59), TimeSpan.FromHours(1)), "the time until the server's date");
        });
    }

    [Test]
    public async Task RetryAfter_WithinMaxRetryAfter_IsWaitedOutAndRetried()
    {
        var asked = 0;
        var server = new ScriptedServer(_ => ++asked == 1
            ? Refusal(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)))
            : Json("""{"projects":[]}"""));
        var timers = new InstantTimers();

        await RetryingClientOn(server, timers, o => o.MaxRetryAfter = TimeSpan.FromSeconds(1)).ListProjectsAsync();

        Assert.That(server.Seen, Has.Count.EqualTo(2), "a Retry-After of the bound itself is waited out, then the call retried");
        Assert.That(timers.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }), "the wait before the retry is the server's Retry-After");
    }

    [Test]
    public void RetryAfter_NeitherSecondsNorADate_IsAsIfAbsent()
    {
        var server = new ScriptedServer(_ => Refusal(HttpStatusCode.TooManyRequests, h => h.TryAddWithoutValidation("Retry-After", "soon")));
        var timers = new InstantTimers();

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(
            () => RetryingClientOn(server, timers, o => o.MaxRetryAfter = TimeSpan.Zero).ListProjectsAsync(), "the last 429, once the retries are used up");

        Assert.That(server.Seen, Has.Count.EqualTo(3), "retried as a 429 without Retry-After is, even with MaxRetryAfter zero");
        Assert.That(timers.Waits, Has.All.LessThan(TimeSpan.FromSeconds(1)), "the backoff's waits (RetryDelay 1 ms), no delay read from the header");
        Assert.That(refused!.RetryAfter, Is.Null, "no delay to expose");
    }

    [TestCase(true, 0, TestName = "{m}_ContentLength_NothingRead")]
    [TestCase(false, SizeBound + Chunk, TestName = "{m}_Chunked_ReadUpToTheBound")]
    public void Answer_LongerThanMaxResponseSize_ThrowsTheProtocolExceptionWithoutReadingOn(bool withContentLength, int mostBytesRead)
    {
        var body = new TrickleStream(JsonOfLength(64 * SizeBound), Chunk);
        var server = new ScriptedServer(_ => Streamed(HttpStatusCode.OK, body, withContentLength ? 64 * SizeBound : null));

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(
            () => ClientOn(server, o => o.MaxResponseSize = SizeBound).ListProjectsAsync(), "an answer longer than MaxResponseSize is refused");

        Assert.That(
            refused!.Message,
            Does.StartWith($"GET https://issues.example/v1/projects answered more than {SizeBound} bytes, the client's MaxResponseSize"),
            "one exception type, naming the route and the bound");
        Assert.That(body.BytesRead, Is.LessThanOrEqualTo(mostBytesRead), "the body is not read past the bound");
    }

    [TestCase(true, TestName = "{m}_ContentLength")]
    [TestCase(false, TestName = "{m}_Chunked")]
    public async Task Answer_OfMaxResponseSize_IsRead(bool withContentLength)
    {
        var server = new ScriptedServer(_ =>
            Streamed(HttpStatusCode.OK, new TrickleStream(JsonOfLength(SizeBound), Chunk), withContentLength ? SizeBound : null));

        var projects = await ClientOn(server, o => o.MaxResponseSize = SizeBound).ListProjectsAsync();

        Assert.That(projects, Is.Empty, "an answer of exactly the bound is the API's answer");
    }

    [Test]
    public async Task DownloadAttachmentAsync_BytesBeyondMaxResponseSize_AreStreamedWhole()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('a', 64 * SizeBound));
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath.EndsWith("/download", StringComparison.Ordinal)
            ? Streamed(HttpStatusCode.OK, new TrickleStream(bytes, Chunk), contentLength: null)
            : Json(s_attachmentWithSignedLink));

        using var destination = new MemoryStream();
        await ClientOn(server, o => o.MaxResponseSize = SizeBound).DownloadAttachmentAsync(s_id, destination);

        Assert.That(destination.Length, Is.EqualTo(bytes.Length), "an attachment's bytes are not an API answer: MaxResponseSize does not cut them");
    }

    [Test]
    public void DownloadAttachmentAsync_RefusalLongerThanMaxResponseSize_ThrowsTheProtocolException()
    {
        var server = DownloadRefusedAtLength();

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(
            () => ClientOn(server, o => o.MaxResponseSize = SizeBound).DownloadAttachmentAsync(s_id, Stream.Null),
            "a refusal longer than MaxResponseSize is refused, on a download too");

        Assert.That(
            refused!.Message, Does.StartWith($"GET https://issues.example/v1/attachments/download answered more than {SizeBound} bytes"),
            "a refusal's body is read to find its error, and bounded like any answer");
    }

    // An attachment whose signed download is refused with a body 64 times the bound, of unknown length.
    private static ScriptedServer DownloadRefusedAtLength() =>
        new(request => request.RequestUri!.AbsolutePath.EndsWith("/download", StringComparison.Ordinal)
            ? Streamed(HttpStatusCode.Gone, new TrickleStream(JsonOfLength(64 * SizeBound, """{"error":"Gone"}"""), Chunk), contentLength: null)
            : Json(s_attachmentWithSignedLink));

    [Test]
    public void OnABareHttpClient_AContentLengthOverTheDefaultMaxResponseSize_IsRefusedUnread()
    {
        var defaultBound = new OwlmetryIssuesClientOptions().MaxResponseSize;
        var body = new TrickleStream(JsonOfLength(SizeBound), Chunk);
        var server = new ScriptedServer(_ => Streamed(HttpStatusCode.OK, body, defaultBound + 1));

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(
            () => ClientOnABareHttpClient(server).ListProjectsAsync(), "the default MaxResponseSize bounds a client made without the registration too");

        Assert.That(refused!.Message, Does.StartWith($"GET https://issues.example/v1/projects answered more than {defaultBound} bytes"));
        Assert.That(body.BytesRead, Is.Zero, "refused by its Content-Length, before its body is read");
    }

    [Test]
    public void OnABareHttpClient_AnEndlessAnswer_IsCutAtTheHttpClientsLowerBound_WithTheProtocolException()
    {
        var body = new CountingEndlessStream(Chunk);
        var server = new ScriptedServer(_ => Streamed(HttpStatusCode.OK, body, contentLength: null));

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(
            () => ClientOnABareHttpClient(server, http => http.MaxResponseContentBufferSize = SizeBound).ListProjectsAsync(),
            "the HttpClient's own lower bound holds, with the client's exception");

        Assert.That(refused!.Message, Does.StartWith($"GET https://issues.example/v1/projects answered more than {SizeBound} bytes"));
        Assert.That(body.BytesRead, Is.LessThanOrEqualTo(SizeBound + Chunk), "the body is not read past the bound");
    }

    [Test]
    public void OnABareHttpClient_ADownloadsRefusalLongerThanTheBound_ThrowsTheProtocolException()
    {
        var server = DownloadRefusedAtLength();

        var refused = Assert.ThrowsAsync<OwlmetryProtocolException>(
            () => ClientOnABareHttpClient(server, http => http.MaxResponseContentBufferSize = SizeBound).DownloadAttachmentAsync(s_id, Stream.Null),
            "a refusal's body is bounded on a download, whose bytes alone are streamed unbounded");

        Assert.That(refused!.Message, Does.StartWith($"GET https://issues.example/v1/attachments/download answered more than {SizeBound} bytes"));
    }

    [Test]
    public void Timeout_ABodyThatStallsAfterTheHeaders_TheCallIsCancelledAfterIt()
    {
        var server = new ScriptedServer(_ => Streamed(HttpStatusCode.OK, new StalledStream(), contentLength: null));

        var cancelled = Assert.ThrowsAsync<TaskCanceledException>(
            () => ClientOn(server, o => o.Timeout = TimeSpan.FromMilliseconds(100)).ListProjectsAsync(),
            "the options' Timeout bounds the reading of the body too, not only the wait for the headers");

        Assert.That(cancelled!.InnerException, Is.InstanceOf<TimeoutException>(), "HttpClient's timeout, as the command line tells it from a cancellation");
    }

    private OwlmetryIssuesClient ClientOn(ScriptedServer server, Action<OwlmetryIssuesClientOptions>? options = null) =>
        ClientFor(Key, b => b.ConfigurePrimaryHttpMessageHandler(() => server), o =>
        {
            o.BaseAddress = s_base;
            o.MaxRetryAttempts = 0;
            options?.Invoke(o);
        });

    /// <summary>A client made with its public constructor on an HttpClient of the test's own, which has none of the registration's handlers.</summary>
    private static OwlmetryIssuesClient ClientOnABareHttpClient(ScriptedServer server, Action<HttpClient>? configure = null)
    {
        var http = new HttpClient(server) { BaseAddress = s_base };
        configure?.Invoke(http);
        return new OwlmetryIssuesClient(http);
    }

    /// <summary>A client that retries twice, waiting on <paramref name="timers"/>.</summary>
    private OwlmetryIssuesClient RetryingClientOn(ScriptedServer server, InstantTimers timers, Action<OwlmetryIssuesClientOptions>? options = null) =>
        ClientFor(
            Key,
            b =>
            {
                b.ConfigurePrimaryHttpMessageHandler(() => server);
                b.Services.AddSingleton<TimeProvider>(timers);
            },
            o =>
            {
                o.BaseAddress = s_base;
                o.MaxRetryAttempts = 2;
                options?.Invoke(o);
            });

    private static HttpResponseMessage Json(string body) => ScriptedServer.Answer(HttpStatusCode.OK, body, "application/json");

    private static HttpResponseMessage Refusal(HttpStatusCode status, Action<HttpResponseHeaders> headers)
    {
        var refusal = ScriptedServer.Answer(status, """{"error":"Try again later"}""", "application/problem+json");
        headers(refusal.Headers);
        return refusal;
    }

    private static HttpResponseMessage Streamed(HttpStatusCode status, Stream body, long? contentLength)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = contentLength;
        return new HttpResponseMessage(status) { Content = content };
    }

    /// <summary>A JSON answer (a project list by default) padded with white space to <paramref name="length"/> bytes.</summary>
    private static byte[] JsonOfLength(int length, string json = """{"projects":[]}""") => Encoding.UTF8.GetBytes(json.PadRight(length));

    /// <summary>A clock whose timers fire at once, recording how long they were set for: the retry's waits, without waiting.</summary>
    private sealed class InstantTimers : TimeProvider
    {
        public ConcurrentQueue<TimeSpan> Waits { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Enqueue(dueTime);
            return base.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}
