using Owlmetry.Issues.Streams;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>An endless, non-seekable body of zero bytes that counts what was read from it.</summary>
internal sealed class CountingEndlessStream(int chunk) : ReadOnlyTestStream
{
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(chunk, buffer.Length);
        buffer[..count].Clear();
        BytesRead += count;
        return count;
    }
}

/// <summary>A body that breaks, as a dropped connection does, after some bytes.</summary>
internal sealed class FailingStream(int after) : ReadOnlyTestStream
{
    private int _left = after;

    public override int Read(Span<byte> buffer)
    {
        if (_left == 0)
        {
            throw new IOException("The connection was reset.");
        }

        var count = Math.Min(_left, buffer.Length);
        buffer[..count].Fill((byte)'a');
        _left -= count;
        return count;
    }
}

/// <summary>A body that waits, once reading began, until the test hands it its bytes.</summary>
internal sealed class StalledStream : ReadOnlyTestStream
{
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<byte[]> _content = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MemoryStream? _released;

    public Task Reading => _reading.Task;

    public void Release(byte[] content) => _content.SetResult(content);

    public override int Read(Span<byte> buffer) => throw new NotSupportedException("read asynchronously");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _reading.TrySetResult();
        _released ??= new MemoryStream(await _content.Task.WaitAsync(cancellationToken));
        return await _released.ReadAsync(buffer, cancellationToken);
    }
}

/// <summary>Given bytes handed out a few at a time, with no length known in advance: a chunked upload or answer.</summary>
internal sealed class TrickleStream(byte[] content, int chunk) : ReadOnlyTestStream
{
    private int _position;

    public int BytesRead => _position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(chunk, buffer.Length), content.Length - _position);
        content.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}

/// <summary>A read-only stream of the tests: its asynchronous reads are its synchronous ones; subclasses read.</summary>
internal abstract class ReadOnlyTestStream : ReadOnlyStream
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
