using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Signed download tokens: base64url of a version byte, the attachment id, the expiry (Unix milliseconds) and an
/// HMAC-SHA256 over those. Whoever holds a token may download that one attachment until it expires, with no other
/// credential; the MAC is compared in constant time, and only a genuine token is told it expired.
/// </summary>
internal sealed class AttachmentDownloadSigner
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 16 + 8;
    private const int MacLength = HMACSHA256.HashSizeInBytes;
    private const int TokenLength = PayloadLength + MacLength;

    // base64url of 57 bytes is 76 characters; anything much longer is not a token and is refused before decoding.
    private const int MaxTokenText = 128;

    private readonly byte[] _key;

    public AttachmentDownloadSigner(IOptions<AttachmentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = options.Value.DownloadSigningKey is { Length: > 0 } key ? [.. key] : RandomNumberGenerator.GetBytes(32);
    }

    public string Sign(Guid attachmentId, DateTimeOffset expiresAt)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = Version;
        attachmentId.TryWriteBytes(token[1..17]);
        BinaryPrimitives.WriteInt64BigEndian(token[17..PayloadLength], expiresAt.ToUnixTimeMilliseconds());
        HMACSHA256.HashData(_key, token[..PayloadLength], token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    public DownloadTokenCheck Check(string? token, DateTimeOffset now, out Guid attachmentId)
    {
        attachmentId = Guid.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenText)
        {
            return DownloadTokenCheck.Invalid;
        }

        Span<byte> bytes = stackalloc byte[MaxTokenText];
        int written;
        try
        {
            // Despite its name, TryDecodeFromChars throws on malformed input (e.g. a length no encoding produces).
            if (!Base64Url.TryDecodeFromChars(token, bytes, out written))
            {
                return DownloadTokenCheck.Invalid;
            }
        }
        catch (FormatException)
        {
            return DownloadTokenCheck.Invalid;
        }

        if (written != TokenLength || bytes[0] != Version)
        {
            return DownloadTokenCheck.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..TokenLength]))
        {
            return DownloadTokenCheck.Invalid;
        }

        attachmentId = new Guid(bytes[1..17]);
        var expiresAt = BinaryPrimitives.ReadInt64BigEndian(bytes[17..PayloadLength]);
        return now.ToUnixTimeMilliseconds() < expiresAt ? DownloadTokenCheck.Valid : DownloadTokenCheck.Expired;
    }
}
