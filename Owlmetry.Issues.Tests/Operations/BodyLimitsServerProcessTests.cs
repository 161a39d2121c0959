using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Tests.Crash;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// Body limits as the server binary applies them on Kestrel, which the in-process test server does not enforce for
/// bodies sent as they are: a JSON body over 256 KiB is refused on every route that takes one, ingest's up to 1 MiB,
/// and an attachment's bytes up to its reserved size.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class BodyLimitsServerProcessTests : HostCrashFixture
{
    private const string TooLarge = "Body exceeds 262144 bytes";

    private static readonly byte[] s_over256KiB = Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('a', OwlmetryIssuesApiOptions.MaxJsonBodyBytes)}\"}}");

    [Test]
    public async Task Server_BodiesByRoute_JsonOver256KiBIs413_IngestAndUploadsTakeTheirOwnSizes()
    {
        var credentials = await HostProcess.InitAsync(Data);
        Server = await HostProcess.StartAsync(Data, backgroundScan: false);
        using var anonymous = new HttpClient { BaseAddress = Server.BaseAddress };
        using var owner = Server.Client(await LogInAsync(anonymous, credentials.UserEmail, credentials.UserPassword));
        using var sdk = Server.Client(credentials.ClientKey);
        var attachment = Encoding.UTF8.GetBytes(new string('x', 600 * 1024));
        var reserved = await (await sdk.ReserveAsync(HttpAttachments.Reservation(attachment))).JsonAsync();

        var answers = new Dictionary<string, (HttpStatusCode, string?)>
        {
            ["login, 256 KiB and more"] = await AnswerAsync(anonymous, HttpMethod.Post, "/v1/auth/login", s_over256KiB),
            ["a project's PATCH, 256 KiB and more"] = await AnswerAsync(owner, HttpMethod.Patch, $"/v1/projects/{credentials.ProjectId}", s_over256KiB),
            ["MCP, 256 KiB and more"] = await AnswerAsync(owner, HttpMethod.Post, "/mcp", s_over256KiB),
            ["ingest, 100 events of 9,000 characters"] = await AnswerAsync(sdk, HttpMethod.Post, "/v1/ingest", IngestBatchOf900KiB()),
            ["an upload of 600 KiB"] = ((await sdk.UploadAsync(reserved.Text("upload_url"), attachment)).StatusCode, null),
        };

        Assert.That(answers, Is.EqualTo(new Dictionary<string, (HttpStatusCode, string?)>
        {
            ["login, 256 KiB and more"] = (HttpStatusCode.RequestEntityTooLarge, TooLarge),
            ["a project's PATCH, 256 KiB and more"] = (HttpStatusCode.RequestEntityTooLarge, TooLarge),
            ["MCP, 256 KiB and more"] = (HttpStatusCode.RequestEntityTooLarge, TooLarge),
            ["ingest, 100 events of 9,000 characters"] = (HttpStatusCode.OK, null),
            ["an upload of 600 KiB"] = (HttpStatusCode.OK, null),
        }));
    }

    private static async Task<(HttpStatusCode Status, string? Error)> AnswerAsync(HttpClient client, HttpMethod method, string path, byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.IsSuccessStatusCode ? null : await response.ErrorAsync());
    }

    private static byte[] IngestBatchOf900KiB() => Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
    {
        events = Enumerable.Range(0, 100).Select(i => new { message = new string('m', 9_000), level = "error", session_id = Guid.NewGuid() }),
    }));

    private static async Task<string> LogInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/v1/auth/login", new { email, password });
        return (await response.JsonAsync()).Text("token");
    }
}
