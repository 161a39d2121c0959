using System.Text.Json;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Reads a JSON body of at most a given size, counting the bytes after request decompression, so that a small
/// gzip body cannot inflate past the limit; over it the caller answers 413. Malformed JSON and invalid text in
/// its strings (<see cref="JsonText"/>) are a 400.
/// </summary>
public static class BoundedBody
{
    public static async Task<(JsonDocument? Document, int? Status, string? Error)> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"Body exceeds {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"Body exceeds {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, "Invalid JSON body");
        }

        if (!JsonText.HasValidStrings(json.Span))
        {
            document.Dispose();
            return (null, StatusCodes.Status400BadRequest, JsonText.InvalidTextMessage);
        }

        return (document, null, null);
    }
}
