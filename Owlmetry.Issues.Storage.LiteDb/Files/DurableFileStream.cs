namespace Owlmetry.Issues.Storage.LiteDb.Files;

/// <summary>
/// A file stream handed to LiteDB that makes its writes durable. LiteDB 5.0.21 neither fsyncs its log at commit
/// nor, when given streams, fsyncs the data file at checkpoint (it only fsyncs a <see cref="FileStream"/> it
/// opened itself, and it wraps the streams it is given). So <see cref="Flush()"/> always reaches the disk, a
/// length change is synced at once, and on the log a commit's confirming page is written only after the pages
/// before it are on disk.
/// </summary>
internal sealed class DurableFileStream(FileStream inner, bool isLog) : Stream
{
    // LiteDB 5 page layout: 8 KiB pages; byte 18 of the page header is IsConfirmed, set on the last page of a commit.
    private const int PageSize = 8192;
    private const int IsConfirmedOffset = 18;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Flush() => inner.Flush(flushToDisk: true);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        // A checkpoint empties the log and LiteDB restarts transaction ids at 1: were the truncation lost, recovery
        // could mix the pages of an old transaction with those of a new one carrying the same id.
        inner.SetLength(value);
        inner.Flush(flushToDisk: true);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        // Write barrier: recovery treats a transaction as whole once its confirming page is in the log, so that page
        // must never reach the disk before the rest of the transaction does.
        if (isLog && count == PageSize && buffer[offset + IsConfirmedOffset] == 1)
        {
            inner.Flush(flushToDisk: true);
        }

        inner.Write(buffer, offset, count);
    }

    /// <summary>
    /// Copies the whole file into <paramref name="destination"/> with positional reads: the position LiteDB set is
    /// left alone.
    /// </summary>
    public void CopyWholeTo(Stream destination)
    {
        var buffer = new byte[16 * PageSize];
        var handle = inner.SafeFileHandle;
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
        {
            destination.Write(buffer, 0, read);
            offset += read;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
