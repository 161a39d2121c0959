using System.Buffers.Binary;
using System.Text;

namespace Owlmetry.Issues.Storage.LiteDb.Keys;

/// <summary>
/// The binary keys of the occurrence rows. LiteDB compares byte arrays byte by byte, shorter first on a common
/// prefix, so every key starts with its group's 16 bytes and an index range over a group is that group's rows.
/// Guids are written big-endian, whose byte order is <see cref="Guid.CompareTo(Guid)"/>'s; times with the sign bit
/// flipped, whose unsigned order is the numeric order. About half the bytes of the hex text keys they replace, compared
/// without decoding text.
/// </summary>
internal static class OccurrenceKeys
{
    private const int GuidLength = 16;

    private const int PageLength = GuidLength + sizeof(long) + GuidLength;

    private const byte NoUserMarker = 0;

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

    /// <summary>
    /// (group, user, session): the user's occurrences of a group are one range of the user index, and the index alone
    /// answers which sessions each user has, without loading a document. A user is a marker, its UTF-8 length and its
    /// bytes, so no user's range holds another's; a missing user is a marker of its own.
    /// </summary>
    public static byte[] User(Guid group, string? userId, Guid sessionId)
    {
        var prefix = UserPrefix(group, userId);
        var key = new byte[prefix.Length + GuidLength];
        prefix.CopyTo(key, 0);
        Write(sessionId, key.AsSpan(prefix.Length));
        return key;
    }

    /// <summary>The keys of one user's occurrences in <paramref name="group"/>, inclusive.</summary>
    public static (byte[] Low, byte[] High) UserRange(Guid group, string? userId)
    {
        var prefix = UserPrefix(group, userId);
        var (low, high) = (new byte[prefix.Length + GuidLength], new byte[prefix.Length + GuidLength]);
        prefix.CopyTo(low, 0);
        prefix.CopyTo(high, 0);
        high.AsSpan(prefix.Length).Fill(byte.MaxValue);
        return (low, high);
    }

    /// <summary>The user keys of every occurrence of <paramref name="group"/>, inclusive.</summary>
    public static (byte[] Low, byte[] High) UsersOf(Guid group)
    {
        var high = new byte[GuidLength + 1];
        Write(group, high);
        high[GuidLength] = byte.MaxValue;
        return (Group(group), high);
    }

    /// <summary>The user and session of a <see cref="User(Guid, string?, Guid)"/> key.</summary>
    public static (string? UserId, Guid SessionId) UserAndSession(byte[] key)
    {
        var session = new Guid(key.AsSpan(key.Length - GuidLength), bigEndian: true);
        if (key[GuidLength] == NoUserMarker)
        {
            return (null, session);
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(key.AsSpan(GuidLength + 1));
        return (Encoding.UTF8.GetString(key.AsSpan(GuidLength + 3, length)), session);
    }

    /// <summary>The group a key starts with.</summary>
    public static Guid GroupOf(byte[] key) => new(key.AsSpan(0, GuidLength), bigEndian: true);

    private static byte[] UserPrefix(Guid group, string? userId)
    {
        if (userId is null)
        {
            var none = new byte[GuidLength + 1];
            Write(group, none);
            none[GuidLength] = NoUserMarker;
            return none;
        }

        var length = Encoding.UTF8.GetByteCount(userId);
        var prefix = new byte[GuidLength + 3 + length];
        Write(group, prefix);
        prefix[GuidLength] = UserMarker;
        BinaryPrimitives.WriteUInt16BigEndian(prefix.AsSpan(GuidLength + 1), checked((ushort)length));
        Encoding.UTF8.GetBytes(userId, prefix.AsSpan(GuidLength + 3));
        return prefix;
    }

    private static byte[] Group(Guid group)
    {
        var key = new byte[GuidLength];
        Write(group, key);
        return key;
    }

    private static void Write(Guid id, Span<byte> destination) => id.TryWriteBytes(destination, bigEndian: true, out _);
}
