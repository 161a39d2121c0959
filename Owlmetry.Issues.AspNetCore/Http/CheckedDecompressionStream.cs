using Owlmetry.Issues.Streams;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// A decompressing request body that reports corrupt data as <see cref="InvalidContentEncodingException"/>. gzip and
/// deflate decoders throw <see cref="InvalidDataException"/> and the brotli decoder <see cref="InvalidOperationException"/>;
/// transport errors (an aborted client) are <see cref="IOException"/>s and pass through unchanged.
/// </summary>
internal sealed class CheckedDecompressionStream(string encoding, Stream decoder) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        try
        {
            return decoder.Read(buffer);
        }
        catch (Exception e) when (IsDecoderError(e))
        {
            throw new InvalidContentEncodingException(encoding, e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await decoder.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (IsDecoderError(e))
        {
            throw new InvalidContentEncodingException(encoding, e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decoder.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsDecoderError(Exception e) => e is InvalidDataException or InvalidOperationException;
}
