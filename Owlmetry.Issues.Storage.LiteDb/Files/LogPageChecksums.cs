using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Owlmetry.Issues.Storage.LiteDb.Files;

/// <summary>
/// A CRC-32 of every page in LiteDB's log, in a file beside it (<c>name-log.crc</c>): LiteDB 5's log pages carry no
/// checksum, so without a sync before each commit's confirming page a power loss could leave a confirmed
/// transaction with pages that never reached the disk, and recovery would replay it. With the checksums, the log
/// is trusted only up to the last confirmed page before the first page that does not match
/// (<see cref="TrustedLogLength"/>), whatever order the kernel wrote the pages in.
/// </summary>
/// <remarks>
/// Layout: an 8-byte header (<c>OWLC</c>, a format version, and whether the log is guarded), then one little-endian
/// CRC-32 per log page, at the page's index. A log written while unguarded (<see cref="LiteDbDurability.PowerLoss"/>,
/// or by a release without this file) was synced before each confirming page and needs no check. The guard
/// changes only while the log is empty, right after the checkpoint at open.
/// </remarks>
internal sealed class LogPageChecksums : IDisposable
{
    public const int HeaderSize = 8;
    private const int EntrySize = sizeof(uint);
    private const byte FormatVersion = 1;

    private readonly SafeFileHandle _handle;

    private LogPageChecksums(SafeFileHandle handle)
    {
        _handle = handle;
        Span<byte> header = stackalloc byte[HeaderSize];
        GuardsLog = RandomAccess.Read(handle, header, 0) == HeaderSize
            && header[..4].SequenceEqual("OWLC"u8)
            && header[4] == FormatVersion
            && header[5] == 1;
    }

    /// <summary>Whether the log was written without a sync before each confirming page, so recovery must check it.</summary>
    public bool GuardsLog { get; private set; }

    public static LogPageChecksums Open(string path)
    {
        var created = !File.Exists(path);
        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (created && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(handle, LiteDbFile.OwnerOnly);
        }

        return new(handle);
    }

    /// <summary>Records the checksum of the log page LiteDB just wrote at <paramref name="logPosition"/>.</summary>
    public void Record(long logPosition, ReadOnlySpan<byte> page)
    {
        Span<byte> entry = stackalloc byte[EntrySize];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, Crc32.HashToUInt32(page));
        RandomAccess.Write(_handle, entry, EntryOffset(logPosition));
    }

    /// <summary>
    /// The length of the longest prefix of the log that ends with a confirmed page and whose every page matches its
    /// checksum: what recovery may replay. The whole log when it is not guarded.
    /// </summary>
    public long TrustedLogLength(SafeFileHandle log)
    {
        var length = RandomAccess.GetLength(log);
        if (!GuardsLog)
        {
            return length;
        }

        var checksums = RandomAccess.GetLength(_handle);
        var page = new byte[LiteDbPages.PageSize];
        Span<byte> entry = stackalloc byte[EntrySize];
        long trusted = 0;
        for (long position = 0; position + LiteDbPages.PageSize <= length; position += LiteDbPages.PageSize)
        {
            var entryOffset = EntryOffset(position);
            if (entryOffset + EntrySize > checksums
                || RandomAccess.Read(log, page, position) != page.Length
                || RandomAccess.Read(_handle, entry, entryOffset) != EntrySize
                || BinaryPrimitives.ReadUInt32LittleEndian(entry) != Crc32.HashToUInt32(page))
            {
                break;
            }

            if (LiteDbPages.IsConfirming(page))
            {
                trusted = position + LiteDbPages.PageSize;
            }
        }

        return trusted;
    }

    /// <summary>Forgets every page, for a log that has just been emptied, and makes that durable.</summary>
    public void Clear() => Reset(GuardsLog);

    /// <summary>Forgets every page and marks, durably, whether the log written from now on is guarded.</summary>
    public void Reset(bool guardsLog)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        "OWLC"u8.CopyTo(header);
        header[4] = FormatVersion;
        header[5] = guardsLog ? (byte)1 : (byte)0;
        RandomAccess.SetLength(_handle, HeaderSize);
        RandomAccess.Write(_handle, header, 0);
        RandomAccess.FlushToDisk(_handle);
        GuardsLog = guardsLog;
    }

    public void Sync() => RandomAccess.FlushToDisk(_handle);

    public void Dispose() => _handle.Dispose();

    private static long EntryOffset(long logPosition) => HeaderSize + logPosition / LiteDbPages.PageSize * EntrySize;
}
