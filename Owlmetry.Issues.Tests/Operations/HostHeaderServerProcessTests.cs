using System.Net;
using System.Net.Http.Json;
using System.Text;
using Owlmetry.Issues.Tests.Crash;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// A Host header Kestrel accepts (valid characters) whose punycode label does not decode (<c>xn--</c>), sent to the
/// server binary: the in-process test server cannot send one, it decodes the host itself.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class HostHeaderServerProcessTests : HostCrashFixture
{
    private const string UndecodableHost = "xn--";

    [Test]
    public async Task Server_HostHeaderWithAnUndecodablePunycodeLabel_ServesAbsoluteUrlsOnItAndRefusesWhatNeedsItDecoded()
    {
        var credentials = await HostProcess.InitAsync(Data);
        Server = await HostProcess.StartAsync(Data, backgroundScan: false);
        using var sdk = Server.Client(credentials.ClientKey);
        using var agent = Server.Client(credentials.AgentKey);
        var content = Encoding.UTF8.GetBytes("log");

        using var reserve = await SendAsync(sdk, HttpMethod.Post, "/v1/ingest/attachment", JsonContent.Create(HttpAttachments.Reservation(content)));
        var reserved = await reserve.JsonAsync();
        var id = reserved.Text("attachment_id");
        var upload = await sdk.UploadAsync($"/v1/ingest/attachment/{id}", content);
        using var detail = await SendAsync(agent, HttpMethod.Get, $"/v1/attachments/{id}");
        using var document = await SendAsync(agent, HttpMethod.Get, "/openapi/v1.json");

        Assert.That(reserve.StatusCode, Is.EqualTo(HttpStatusCode.Created), await reserve.Content.ReadAsStringAsync());
        Assert.That(reserved.Text("upload_url"), Is.EqualTo($"http://{UndecodableHost}/v1/ingest/attachment/{id}"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK), await upload.Content.ReadAsStringAsync());
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.OK), await detail.Content.ReadAsStringAsync());
        Assert.That((await detail.JsonAsync())["download_url"]!.Text("url"), Does.StartWith($"http://{UndecodableHost}/v1/attachments/download?t="));
        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await document.Content.ReadAsStringAsync());
        Assert.That(await document.ErrorAsync(), Is.EqualTo("Invalid Host header"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = UndecodableHost;
        return client.SendAsync(request);
    }
}
