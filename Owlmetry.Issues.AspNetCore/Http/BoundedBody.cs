using System.Text.Json;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Reads a JSON body of at most a given size, counting the bytes after request decompression, so that a small
/// gzip body cannot inflate past the limit; over it the body is too large (413). Malformed JSON and invalid text in
/// its strings (<see cref="JsonText"/>) are invalid input (400).
/// </summary>
internal static class BoundedBody
{
    public static async Task<IssueResult<JsonDocument>> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return IssueError.TooLarge($"Body exceeds {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return IssueError.TooLarge($"Body exceeds {maxBytes} bytes");
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
            return IssueError.Invalid("Invalid JSON body");
        }

        if (!JsonText.HasValidStrings(json.Span))
        {
            document.Dispose();
            return IssueError.Invalid(JsonText.InvalidTextMessage);
        }

        return document;
    }
}
