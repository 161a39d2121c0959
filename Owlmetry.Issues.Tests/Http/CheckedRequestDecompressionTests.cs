using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RequestDecompression;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Which decoder a request body gets from its <c>Content-Encoding</c>, below HTTP: the header's edge cases.</summary>
public sealed class CheckedRequestDecompressionTests
{
    private readonly CheckedRequestDecompression _decompression = new(Options.Create(new RequestDecompressionOptions()));

    [TestCase("", TestName = "{m}_Empty")]
    [TestCase("identity", TestName = "{m}_Identity")]
    [TestCase("IDENTITY", TestName = "{m}_IdentityInCapitals")]
    public void GetDecompressionStream_NoEncoding_LeavesTheBodyAsItIs(string header)
    {
        var context = RequestWith(header);

        Assert.That(_decompression.GetDecompressionStream(context), Is.Null);
    }

    [Test]
    public void GetDecompressionStream_AnEncodingADecoderTakes_DecodesAndDropsTheHeader()
    {
        var context = RequestWith("GZIP");

        Assert.That(_decompression.GetDecompressionStream(context), Is.Not.Null);
        Assert.That(context.Request.Headers.ContentEncoding, Is.Empty, "the body is read decoded: no encoding is left to declare");
    }

    [TestCase("zstd")]
    [TestCase("gzip, br")]
    public void GetDecompressionStream_AnEncodingNoDecoderTakes_RefusesAtTheFirstRead(string header)
    {
        var body = _decompression.GetDecompressionStream(RequestWith(header))!;

        var refusal = Assert.ThrowsAsync<UnsupportedContentEncodingException>(async () => await body.ReadExactlyAsync(new byte[1]));
        Assert.That(refusal?.Message, Is.EqualTo($"Content-Encoding '{header}' is not supported; send one of br, deflate, gzip, or no encoding"));
    }

    private static DefaultHttpContext RequestWith(string contentEncoding)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.ContentEncoding = contentEncoding;
        context.Request.Body = new MemoryStream([1, 2, 3]);
        return context;
    }
}
