using System.Net;
using System.Net.Sockets;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>Which addresses a webhook may not reach unless private networks are allowed.</summary>
public static class NetworkAddresses
{
    /// <summary>
    /// Loopback, private (RFC 1918, unique local, CGNAT), link-local, unspecified, multicast and broadcast addresses, and
    /// the IPv4 special-purpose blocks no public receiver uses (protocol assignments, benchmarking, documentation),
    /// also when written as an IPv6 address that carries an IPv4 one (mapped, translated, compatible, NAT64, 6to4,
    /// Teredo): a network that translates them would deliver to the IPv4 address inside.
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPrivateIPv4(address.GetAddressBytes());
        }

        var b = address.GetAddressBytes();
        if (EmbeddedIPv4(b) is { } inner)
        {
            return IsPrivateIPv4(inner);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC
            || IsLocalUseNat64(b);
    }

    private static bool IsPrivateIPv4(ReadOnlySpan<byte> b) =>
        b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
        || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19 || (b[1] == 51 && b[2] == 100)))
        || (b[0] == 203 && b[1] == 0 && b[2] == 113);

    /// <summary>The IPv4 address an IPv6 one carries, if it is of a form that does.</summary>
    private static byte[]? EmbeddedIPv4(byte[] b)
    {
        ReadOnlySpan<byte> prefix = b;
        if (prefix[..10].IndexOfAnyExcept((byte)0) < 0 && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)))
        {
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; :: and ::1 are answered above).
            return b[12..16];
        }

        if (prefix[..8].IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0)
        {
            // ::ffff:0:a.b.c.d (IPv4-translated, SIIT).
            return b[12..16];
        }

        if (prefix[..12].SequenceEqual(s_nat64WellKnown))
        {
            return b[12..16];
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            // 6to4: 2002:AABB:CCDD::/48.
            return b[2..6];
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            // Teredo: the client's address, each bit inverted, in the last 32 bits.
            return [(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]];
        }

        return null;
    }

    // RFC 6052's well-known prefix 64:ff9b::/96.
    private static readonly byte[] s_nat64WellKnown = [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];

    // RFC 8215's 64:ff9b:1::/48 is for a network's own translators.
    private static bool IsLocalUseNat64(byte[] b) => b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4] == 0x00 && b[5] == 0x01;
}
