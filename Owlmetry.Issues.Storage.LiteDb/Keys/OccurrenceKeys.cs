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

    /// <summary>What follows the group in a page key: the time and the id.</summary>
    private const int PageTail = sizeof(long) + GuidLength;

    private const byte NoUserMarker = 0;

    private const byte UserMarker = 1;

    /// <summary>(group, session): the row's <c>_id</c>, so the unique key is the primary key.</summary>
    public static byte[] Session(Guid group, Guid sessionId)
    {
        var key = GroupFollowedBy(group, GuidLength);
        Write(sessionId, key.AsSpan(GuidLength));
        return key;
    }

    /// <summary>(group, time, id): the detail page's keyset order.</summary>
    public static byte[] Page(Guid group, KeysetKey position)
    {
        var key = GroupFollowedBy(group, PageTail);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(GuidLength), unchecked((ulong)position.Value) ^ 0x8000_0000_0000_0000);
        Write(position.Id, key.AsSpan(GuidLength + sizeof(long)));
        return key;
    }

    /// <summary>The lowest and highest page keys of <paramref name="group"/>: its whole range, inclusive.</summary>
    public static (byte[] Low, byte[] High) PagesOf(Guid group) =>
        (GroupFollowedBy(group, PageTail), HighestTail(GroupFollowedBy(group, PageTail), PageTail));

    /// <summary>
    /// (group, user, session): the user's occurrences of a group are one range of the user index, and the index alone
    /// answers which sessions each user has, without loading a document. A user is a marker, its UTF-8 length and its
    /// bytes, so no user's range holds another's; a missing user is a marker of its own.
    /// </summary>
    public static byte[] User(Guid group, string? userId, Guid sessionId)
    {
        var key = UserFollowedBySession(group, userId);
        Write(sessionId, key.AsSpan(key.Length - GuidLength));
        return key;
    }

    /// <summary>The keys of one user's occurrences in <paramref name="group"/>, inclusive.</summary>
    public static (byte[] Low, byte[] High) UserRange(Guid group, string? userId) =>
        (UserFollowedBySession(group, userId), HighestTail(UserFollowedBySession(group, userId), GuidLength));

    /// <summary>
    /// The user keys of every occurrence of <paramref name="group"/>, inclusive: past the group, each key's next byte
    /// is a marker, below the highest byte.
    /// </summary>
    public static (byte[] Low, byte[] High) UsersOf(Guid group) =>
        (GroupFollowedBy(group, 0), HighestTail(GroupFollowedBy(group, 1), 1));

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

    /// <summary>The group, the user's marker, length and bytes, and room for a session (zeros).</summary>
    private static byte[] UserFollowedBySession(Guid group, string? userId)
    {
        if (userId is null)
        {
            var none = GroupFollowedBy(group, 1 + GuidLength);
            none[GuidLength] = NoUserMarker;
            return none;
        }

        var length = Encoding.UTF8.GetByteCount(userId);
        var key = GroupFollowedBy(group, 3 + length + GuidLength);
        key[GuidLength] = UserMarker;
        BinaryPrimitives.WriteUInt16BigEndian(key.AsSpan(GuidLength + 1), checked((ushort)length));
        Encoding.UTF8.GetBytes(userId, key.AsSpan(GuidLength + 3));
        return key;
    }

    /// <summary>The group's 16 bytes followed by <paramref name="length"/> zeros: its lowest key of that length.</summary>
    private static byte[] GroupFollowedBy(Guid group, int length)
    {
        var key = new byte[GuidLength + length];
        Write(group, key);
        return key;
    }

    /// <summary><paramref name="key"/> with its last <paramref name="length"/> bytes at their highest.</summary>
    private static byte[] HighestTail(byte[] key, int length)
    {
        key.AsSpan(key.Length - length).Fill(byte.MaxValue);
        return key;
    }

    private static void Write(Guid id, Span<byte> destination) => id.TryWriteBytes(destination, bigEndian: true, out _);
}
