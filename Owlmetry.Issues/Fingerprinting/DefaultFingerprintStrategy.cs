using System.Security.Cryptography;
using System.Text;

namespace Owlmetry.Issues.Fingerprinting;

/// <summary>The contract's fingerprint: source module, normalized message and an optional discriminator.</summary>
/// <remarks>
/// <para>
/// The hashed text is <c>"&lt;source module or empty&gt;:&lt;normalized message&gt;"</c>, followed by
/// <c>"|&lt;normalized discriminator&gt;"</c> when the event has a non-blank discriminator; the hash is
/// the lowercase hex SHA-256 of its UTF-8 bytes. Messages and discriminators are normalized with
/// <see cref="MessageNormalizer"/>; the source module is used exactly as sent.
/// </para>
/// <para>
/// The discriminator of a <c>sdk:network_request</c> message (compared after trimming) is
/// <c>"&lt;METHOD&gt; &lt;host&gt;&lt;templated path&gt;"</c> from the <c>_http_method</c> and <c>_http_url</c>
/// attributes: the method upper-cased; the host lower-cased, with its port unless that is the scheme's
/// default; query string and fragment dropped; each path segment that is a UUID replaced by
/// <c>&lt;uuid&gt;</c>, all ASCII digits by <c>&lt;n&gt;</c>, and one that, URL-decoded, is at least 12
/// characters long and holds a digit by <c>&lt;id&gt;</c>. A URL that is not absolute or cannot be parsed
/// is split by hand (host between <c>://</c> and the next <c>/</c>, else no host) and never throws. A missing
/// method or URL just leaves its part out. Network messages never use <c>_error_type</c>; any other
/// message is discriminated by the <c>_error_type</c> attribute when that is non-blank.
/// </para>
/// <para>
/// Network events are titled <c>Network error: &lt;METHOD&gt; &lt;host&gt;&lt;templated path&gt;</c>; other
/// events by their message, trimmed and cut to <see cref="MaxTitleLength"/> characters (network titles are not cut).
/// </para>
/// </remarks>
internal sealed class DefaultFingerprintStrategy : IFingerprintStrategy
{
    /// <summary>The message that marks an SDK network request failure.</summary>
    public const string NetworkRequestMessage = "sdk:network_request";

    /// <summary>The longest title taken from a message; longer messages are cut, never mid surrogate pair.</summary>
    public const int MaxTitleLength = 200;

    private const string ErrorTypeAttribute = "_error_type";

    /// <inheritdoc />
    public Fingerprint Compute(FingerprintInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        string? discriminator;
        string title;
        if (input.Message.AsSpan().Trim().SequenceEqual(NetworkRequestMessage))
        {
            discriminator = NetworkRequestTemplate.Describe(input.CustomAttributes);
            title = $"Network error: {discriminator}".TrimEnd();
        }
        else
        {
            discriminator = input.CustomAttributes?.GetValueOrDefault(ErrorTypeAttribute);
            title = Shorten(input.Message.Trim());
        }

        var text = $"{input.SourceModule}:{MessageNormalizer.Normalize(input.Message)}";
        if (!string.IsNullOrWhiteSpace(discriminator))
        {
            text += "|" + MessageNormalizer.Normalize(discriminator);
        }

        return new Fingerprint(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), title);
    }

    private static string Shorten(string title)
    {
        if (title.Length <= MaxTitleLength)
        {
            return title;
        }

        var length = char.IsHighSurrogate(title[MaxTitleLength - 1]) ? MaxTitleLength - 1 : MaxTitleLength;
        return title[..length];
    }
}
