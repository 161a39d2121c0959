using System.Security.Cryptography;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// A delivery's id is derived from its notification and webhook, so handing the same notification over twice (the
/// dispatch is at-least-once) finds the delivery already there instead of making a second one.
/// </summary>
public static class DeliveryIds
{
    public static Guid For(Guid notificationId, Guid webhookId)
    {
        Span<byte> input = stackalloc byte[32];
        notificationId.TryWriteBytes(input, bigEndian: true, out _);
        webhookId.TryWriteBytes(input[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);

        // RFC 9562 version 8 (custom) with the RFC variant.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
