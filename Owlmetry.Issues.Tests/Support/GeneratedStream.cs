namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// A large, non-seekable body generated on the fly: the same length and bytes every time, none of them held, so
/// a test can hash it in one pass and upload it in another without the file ever being in memory.
/// </summary>
internal sealed class GeneratedStream(long length) : ReadOnlyTestStream
{
    private long _position;

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            // Text-like bytes (a-p), so that the file never starts like a program.
            buffer[i] = (byte)('a' + (int)(((ulong)(_position + i) * 2654435761UL >> 13) & 0xF));
        }

        _position += count;
        return count;
    }
}
