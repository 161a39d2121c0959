using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The SDK side of attachments over raw HTTP, for the tests whose subject is the wire: reserve, upload, read a body as JSON.</summary>
internal static class HttpAttachments
{
    public static object Reservation(byte[] content, Guid? clientEventId = null, string filename = "crash.log", string contentType = "text/plain", string? userId = null) => new
    {
        client_event_id = clientEventId ?? Guid.NewGuid(),
        original_filename = filename,
        content_type = contentType,
        size_bytes = content.Length,
        sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        user_id = userId,
        is_dev = false,
    };

    /// <summary>
    /// A client straight on the test server: <c>CreateClient()</c> adds a redirect handler that copies every request
    /// body into memory first, which a streaming upload must not go through.
    /// </summary>
    public static HttpClient StreamingClient(OwlmetryServerFactory factory, string bearer)
    {
        var client = factory.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public static Task<HttpResponseMessage> ReserveAsync(this HttpClient sdk, object reservation) =>
        sdk.PostAsJsonAsync("/v1/ingest/attachment", reservation);

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient sdk, string uploadUrl, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return sdk.PutAsync(uploadUrl, body);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.JsonAsync();
    }
}
