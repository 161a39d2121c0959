using System.Buffers.Binary;
using System.Text;

namespace Owlmetry.Issues.Storage.LiteDb.Keys;

/// <summary>
/// The binary keys of the occurrence rows. LiteDB compares byte arrays byte by byte, shorter first on a common
/// prefix, so every key starts with its group's 16 bytes and an index range over a group is that group's rows.
/// Guids are written big-endian, whose byte order is <see cref="Guid.CompareTo(Guid)"/>'s; times with the sign bit
/// flipped, whose unsigned order is the numeric order. Half the bytes of the hex text keys they replace, and compared
/// without decoding text.
/// </summary>
internal static class OccurrenceKeys
{
    private const int GuidLength = 16;

    private const int PageLength = GuidLength + sizeof(long) + GuidLength;

    private const byte UserMarker = 1;

    /// <summary>(group, session): the row's <c>_id</c>, so the unique key is the primary key.</summary>
    public static byte[] Session(Guid group, Guid sessionId)
    {
        var key = new byte[GuidLength * 2];
        Write(group, key);
        Write(sessionId, key.AsSpan(GuidLength));
        return key;
    }

    /// <summary>(group, time, id): the detail page's keyset order.</summary>
    public static byte[] Page(Guid group, KeysetKey position)
    {
        var key = new byte[PageLength];
        Write(group, key);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(GuidLength), unchecked((ulong)position.Value) ^ 0x8000_0000_0000_0000);
        Write(position.Id, key.AsSpan(GuidLength + sizeof(long)));
        return key;
    }

    /// <summary>The lowest and highest page keys of <paramref name="group"/>: its whole range, inclusive.</summary>
    public static (byte[] Low, byte[] High) PagesOf(Guid group)
    {
        var high = new byte[PageLength];
        Write(group, high);
        high.AsSpan(GuidLength).Fill(byte.MaxValue);
        return (Group(group), high);
    }

    /// <summary>(group, user); a missing user is the group alone, which no user's key equals.</summary>
    public static byte[] User(Guid group, string? userId)
    {
        if (userId is null)
        {
            return Group(group);
        }

        var key = new byte[GuidLength + 1 + Encoding.UTF8.GetByteCount(userId)];
        Write(group, key);
        key[GuidLength] = UserMarker;
        Encoding.UTF8.GetBytes(userId, key.AsSpan(GuidLength + 1));
        return key;
    }

    /// <summary>The group a key starts with.</summary>
    public static Guid GroupOf(byte[] key) => new(key.AsSpan(0, GuidLength), bigEndian: true);

    private static byte[] Group(Guid group)
    {
        var key = new byte[GuidLength];
        Write(group, key);
        return key;
    }

    private static void Write(Guid id, Span<byte> destination) => id.TryWriteBytes(destination, bigEndian: true, out _);
}
