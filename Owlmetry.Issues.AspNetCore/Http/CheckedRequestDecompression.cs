using Microsoft.AspNetCore.RequestDecompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Chooses the decoder of a request body by its <c>Content-Encoding</c>, as ASP.NET Core's default does, except that a
/// body under an encoding no decoder takes (<c>zstd</c>), or under several (<c>gzip, br</c>), is refused with a 415
/// when it is read, where the default passes the encoded bytes on to be read as JSON. <c>identity</c>, or an empty
/// header, is no encoding.
/// </summary>
internal sealed class CheckedRequestDecompression(IOptions<RequestDecompressionOptions> options) : IRequestDecompressionProvider
{
    private const string NoEncoding = "identity";

    private readonly IDictionary<string, IDecompressionProvider> _decoders = options.Value.DecompressionProviders;

    public Stream? GetDecompressionStream(HttpContext context)
    {
        var declared = context.Request.Headers.ContentEncoding;
        if (StringValues.IsNullOrEmpty(declared) || (declared.Count == 1 && string.Equals(declared[0], NoEncoding, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (declared.Count == 1 && declared[0] is { } encoding && _decoders.TryGetValue(encoding, out var decoder))
        {
            // The body is read decoded from here on, so it no longer has an encoding.
            context.Request.Headers.Remove(HeaderNames.ContentEncoding);
            return decoder.GetDecompressionStream(context.Request.Body);
        }

        var supported = _decoders.Keys.Order(StringComparer.Ordinal).ToArray();
        return new UndecodableBody(() => new UnsupportedContentEncodingException(string.Join(", ", declared.ToArray()), supported));
    }
}
