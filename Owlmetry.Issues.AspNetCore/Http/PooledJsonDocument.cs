using System.Buffers;
using System.Text.Json;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// A JSON document parsed in place from a buffer of the shared array pool: the document reads the buffer for as long
/// as it lives, so the buffer goes back to the pool only when the document is disposed.
/// </summary>
internal sealed class PooledJsonDocument(JsonDocument document, byte[] buffer) : IDisposable
{
    private byte[]? _buffer = buffer;

    public JsonElement RootElement => document.RootElement;

    public void Dispose()
    {
        document.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } returned)
        {
            ArrayPool<byte>.Shared.Return(returned);
        }
    }
}
