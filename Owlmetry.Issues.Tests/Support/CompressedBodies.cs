using System.IO.Compression;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Bodies as a client sends them under a <c>Content-Encoding</c>; <c>deflate</c> is the zlib format, as HTTP means it.</summary>
internal static class CompressedBodies
{
    public static byte[] Compress(string encoding, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var compressor = Compressor(encoding, buffer))
        {
            compressor.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>Valid compressed data cut off in the middle.</summary>
    public static byte[] Truncated(string encoding, byte[] content)
    {
        var compressed = Compress(encoding, content);
        return compressed[..(compressed.Length / 2)];
    }

    private static Stream Compressor(string encoding, Stream output) => encoding switch
    {
        "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "No compressor for this encoding"),
    };
}
