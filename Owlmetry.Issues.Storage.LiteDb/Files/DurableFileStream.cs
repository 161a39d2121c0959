namespace Owlmetry.Issues.Storage.LiteDb.Files;

/// <summary>
/// A file stream handed to LiteDB that keeps the store's durability promise. LiteDB 5.0.21 neither syncs its log
/// at commit nor, when given streams, syncs the data file at checkpoint (it only syncs a <see cref="FileStream"/> it
/// opened itself, and it wraps the streams it is given). So <see cref="Flush()"/> always reaches the disk, and a
/// length change is synced at once. On the log, either a commit's confirming page is written only after the pages
/// before it are on disk (<see cref="LiteDbDurability.PowerLoss"/>), or every page's checksum is recorded so that
/// recovery can find a commit whose pages did not all reach the disk (<see cref="LiteDbDurability.ProcessCrash"/>).
/// The data file, which only checkpoints write, is never written ahead of the log it copies.
/// </summary>
internal sealed class DurableFileStream : Stream
{
    private readonly FileStream _inner;
    private readonly LogPageChecksums? _checksums;
    private readonly bool _syncsBeforeConfirmingPage;
    private readonly DurableFileStream? _log;
    private int _unsynced;

    private DurableFileStream(FileStream inner, LogPageChecksums? checksums, bool syncsBeforeConfirmingPage, DurableFileStream? log)
    {
        _inner = inner;
        _checksums = checksums;
        _syncsBeforeConfirmingPage = syncsBeforeConfirmingPage;
        _log = log;
    }

    /// <summary>Whether something was written since the last sync.</summary>
    public bool HasUnsyncedWrites => Volatile.Read(ref _unsynced) == 1;

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    /// <summary>A log whose every confirming page is preceded by a sync: nothing to check at recovery.</summary>
    public static DurableFileStream SyncedLog(FileStream inner) => new(inner, checksums: null, syncsBeforeConfirmingPage: true, log: null);

    /// <summary>A log whose pages are checksummed instead, and synced in the background (<see cref="SyncIfWritten"/>).</summary>
    public static DurableFileStream ChecksummedLog(FileStream inner, LogPageChecksums checksums) =>
        new(inner, checksums, syncsBeforeConfirmingPage: false, log: null);

    /// <summary>The data file of <paramref name="log"/>.</summary>
    public static DurableFileStream Data(FileStream inner, DurableFileStream log) => new(inner, checksums: null, syncsBeforeConfirmingPage: false, log);

    public override void Flush()
    {
        Interlocked.Exchange(ref _unsynced, 0);
        Sync();
    }

    /// <summary>Syncs what was written since the last sync, if anything was. Safe to call from another thread.</summary>
    public void SyncIfWritten()
    {
        if (Interlocked.Exchange(ref _unsynced, 0) == 1)
        {
            Sync();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        // A checkpoint empties the log and LiteDB restarts transaction ids at 1: were the truncation lost, recovery
        // could mix the pages of an old transaction with those of a new one carrying the same id.
        _inner.SetLength(value);
        _inner.Flush(flushToDisk: true);
        if (value == 0)
        {
            _checksums?.Clear();
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        // A checkpoint overwrites data pages in place: were the log's copy of them not on disk first, a power loss
        // in the middle would leave the data file with pages of transactions the log no longer has.
        _log?.SyncIfWritten();

        // Write barrier: recovery treats a transaction as whole once its confirming page is in the log, so that page
        // must never reach the disk before the rest of the transaction does.
        var page = buffer.AsSpan(offset, count);
        if (_syncsBeforeConfirmingPage && LiteDbPages.IsConfirming(page))
        {
            Sync();
        }

        var position = _inner.Position;
        _inner.Write(buffer, offset, count);
        if (_checksums is not null && count == LiteDbPages.PageSize)
        {
            _checksums.Record(position, page);
        }

        Interlocked.Exchange(ref _unsynced, 1);
    }

    /// <summary>
    /// Copies the whole file into <paramref name="destination"/> with positional reads: the position LiteDB set is
    /// left alone.
    /// </summary>
    public void CopyWholeTo(Stream destination)
    {
        var buffer = new byte[16 * LiteDbPages.PageSize];
        var handle = _inner.SafeFileHandle;
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
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Sync()
    {
        _inner.Flush(flushToDisk: true);
        _checksums?.Sync();
    }
}
