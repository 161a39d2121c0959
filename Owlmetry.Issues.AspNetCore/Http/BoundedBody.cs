using System.Buffers;
using System.Text.Json;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Reads a JSON body of at most a given size, counting the bytes after request decompression, so that a small
/// gzip body cannot inflate past the limit; over it the body is too large (413). Malformed JSON is invalid input (400);
/// the text of its strings is the caller's to check where it meets it, as ingest does for each event apart. The body is
/// read into a buffer of the shared array pool, sized by its <c>Content-Length</c> when it has one, and parsed there:
/// ingest reads one per batch of events.
/// </summary>
internal static class BoundedBody
{
    private const int FirstBufferBytes = 16 * 1024;

    /// <param name="request">The request whose body to read.</param>
    /// <param name="maxBytes">The most bytes the body may hold once decompressed.</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<IssueResult<PooledJsonDocument>> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // One byte more than the body can hold, so that the read which finds its end needs no larger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? FirstBufferBytes, maxBytes) + 1);
        var handedOver = false;
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return TooLarge(maxBytes);
                }

                if (length == buffer.Length)
                {
                    buffer = Grown(buffer, length, Math.Min(2L * buffer.Length, maxBytes + 1L));
                }
            }

            var parsed = Parse(buffer.AsMemory(0, length));
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            handedOver = true;
            return new PooledJsonDocument(parsed.Value, buffer);
        }
        finally
        {
            if (!handedOver)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static IssueResult<JsonDocument> Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return IssueError.Invalid("Invalid JSON body");
        }
    }

    private static byte[] Grown(byte[] buffer, int length, long size)
    {
        var grown = ArrayPool<byte>.Shared.Rent((int)size);
        buffer.AsSpan(0, length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    private static IssueError TooLarge(int maxBytes) => IssueError.TooLarge($"Body exceeds {maxBytes} bytes");
}
