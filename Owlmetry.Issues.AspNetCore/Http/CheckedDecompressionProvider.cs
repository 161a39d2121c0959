using Microsoft.AspNetCore.RequestDecompression;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Request decompression whose decoder errors say that the body was bad: every route reads bodies through it, so a
/// corrupt gzip, deflate or brotli body is a 400 wherever it is sent, instead of the decoder's exception escaping as a 500.
/// </summary>
internal sealed class CheckedDecompressionProvider(string encoding, IDecompressionProvider inner) : IDecompressionProvider
{
    public Stream GetDecompressionStream(Stream stream) => new CheckedDecompressionStream(encoding, inner.GetDecompressionStream(stream));

    /// <summary>Wraps every encoding the options support, so an encoding ASP.NET Core adds later is covered too.</summary>
    public static void WrapAll(RequestDecompressionOptions options)
    {
        foreach (var (encoding, provider) in options.DecompressionProviders.ToList())
        {
            options.DecompressionProviders[encoding] = new CheckedDecompressionProvider(encoding, provider);
        }
    }
}
