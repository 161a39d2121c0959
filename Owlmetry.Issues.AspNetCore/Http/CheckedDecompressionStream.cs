namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// A decompressing request body that reports corrupt data as <see cref="InvalidContentEncodingException"/>. gzip and
/// deflate decoders throw <see cref="InvalidDataException"/> and the brotli decoder <see cref="InvalidOperationException"/>;
/// transport errors (an aborted client) are <see cref="IOException"/>s and pass through unchanged.
/// </summary>
internal sealed class CheckedDecompressionStream(string encoding, Stream decoder) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
