namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The body of a request whose <c>Content-Encoding</c> no decoder takes: its first read refuses it, so only routes that
/// read a body answer 415, whatever reads it (JSON binding, ingest's reader, an upload).
/// </summary>
internal sealed class UndecodableBody(Func<Exception> refusal) : Stream
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

    public override int Read(byte[] buffer, int offset, int count) => throw refusal();

    public override int Read(Span<byte> buffer) => throw refusal();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw refusal();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw refusal();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
