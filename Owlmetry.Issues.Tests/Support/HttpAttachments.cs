using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The SDK side of attachments over HTTP: reserve, then upload the bytes.</summary>
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

    /// <summary>Reserves and uploads; returns the attachment id.</summary>
    public static async Task<string> AddAsync(this HttpClient sdk, string text, Guid? clientEventId = null, string filename = "crash.log", string contentType = "text/plain")
    {
        var content = Encoding.UTF8.GetBytes(text);
        using var reserved = await sdk.ReserveAsync(Reservation(content, clientEventId, filename, contentType));
        var body = await reserved.JsonAsync();
        if (!reserved.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Reserving failed: {body.ToJsonString()}");
        }

        using var uploaded = await sdk.UploadAsync(body.Text("upload_url"), content);
        if (!uploaded.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Uploading failed: {await uploaded.Content.ReadAsStringAsync()}");
        }

        return body.Text("attachment_id");
    }

    /// <summary>The signed download link of an uploaded attachment, as <c>GET /v1/attachments/:id</c> gives it.</summary>
    public static async Task<string> GetDownloadUrlAsync(this HttpClient client, string attachmentId) =>
        (await client.GetJsonAsync($"/v1/attachments/{attachmentId}"))["download_url"]!.Text("url");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.JsonAsync();
    }
}
