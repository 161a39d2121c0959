using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>
/// Request bodies: JSON of the API's members broken in every layer — the JSON (truncated, non-objects, deep), its text
/// (invalid UTF-8), its size, its Content-Type and charset, its Content-Encoding (valid, truncated, corrupt, not encoded
/// at all) and its declared length.
/// </summary>
internal static class FuzzBodies
{
    private static readonly byte[][] s_invalidUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    private static readonly string?[] s_contentTypes =
    [
        "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=\"utf-8\"",
        "application/json; charset=no-such-charset", "application/problem+json", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", ";;==", null,
    ];

    public static Gen<FuzzBody> For(FuzzRoute route, FuzzIds ids, IReadOnlyList<string> encodings) =>
        from json in Json(route, ids)
        from bytes in Mangled(Encoding.UTF8.GetBytes(json))
        from contentType in Gen.Frequency((6, Gen.Constant<string?>("application/json")), (2, Gen.Elements(s_contentTypes)))
        from encoded in Encoded(bytes.Bytes, encodings)
        from declaredLength in Gen.Frequency((12, Gen.Constant<long?>(null)), (1, Gen.Elements<long?>(0, encoded.Bytes.Length + 100)))
        select new FuzzBody($"{bytes.Kind}, {encoded.Kind}", encoded.Bytes, contentType, encoded.Encoding, declaredLength);

    private static Gen<string> Json(FuzzRoute route, FuzzIds ids) => Gen.Frequency(
        (route.Template.StartsWith("/v1/ingest", StringComparison.Ordinal) ? 12 : 1, JsonFragments.IngestBatch(ids)),
        (6, JsonFragments.Object(ids, 2)),
        (1, JsonFragments.Value(ids, 1)),
        (1, Gen.Elements(
            string.Empty, " ", "{", "{\"status\":", "[1,2", "{\"a\":1}}", "{'status':'new'}", "{\"status\":\"new\",}", "/* c */{}", "\uFEFF{}",
            "NaN", "{\"n\":Infinity}", "{\"s\":\"\\uZZZZ\"}", "{\"s\":\"\t\"}")),
        (1, Gen.Constant($"{{\"events\":[],\"padding\":\"{new string('a', (1 << 20) + 10)}\"}}")));

    /// <summary>The JSON's bytes as they are, cut short, with invalid UTF-8 put inside a string, or replaced by noise.</summary>
    private static Gen<(string Kind, byte[] Bytes)> Mangled(byte[] json) => Gen.Frequency(
        (10, Gen.Constant(("json", json))),
        (1, Gen.Choose(0, Math.Max(json.Length - 1, 0)).Select(length => ("truncated json", json[..length]))),
        (3, from invalid in Gen.Elements(s_invalidUtf8)
            from at in Gen.Elements(QuotePositions(json))
            select ("json with invalid UTF-8", (byte[])[.. json[..at], .. invalid, .. json[at..]])),
        (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(noise => ("random bytes", noise))));

    private static Gen<(string Kind, byte[] Bytes, string? Encoding)> Encoded(byte[] bytes, IReadOnlyList<string> encodings) => Gen.Frequency<(string Kind, byte[] Bytes, string? Encoding)>(
        (8, Gen.Constant<(string, byte[], string?)>(("not encoded", bytes, null))),
        (4, from encoding in Gen.Elements(encodings.ToArray())
            from damage in Gen.Elements("valid", "truncated", "corrupt", "not actually encoded")
            select (Kind: $"{damage} {encoding}", Bytes: Damaged(encoding, damage, bytes), Encoding: (string?)encoding)),
        (1, Gen.Elements("zstd", "identity", "gzip, br", "GZIP", "x-gzip").Select(encoding => ($"declared {encoding}", bytes, (string?)encoding))));

    private static byte[] Damaged(string encoding, string damage, byte[] bytes) => damage switch
    {
        "valid" => CompressedBodies.Compress(encoding, bytes),
        "truncated" => CompressedBodies.Truncated(encoding, bytes),
        "corrupt" => [.. CompressedBodies.Compress(encoding, bytes).Select((b, i) => i % 3 == 2 ? (byte)~b : b)],
        _ => bytes,
    };

    /// <summary>Just after each quote: inside a string or a member name when the quote opens one.</summary>
    private static int[] QuotePositions(byte[] json)
    {
        var positions = json.Select((b, i) => (b, i)).Where(p => p.b == (byte)'"').Select(p => p.i + 1).ToArray();
        return positions.Length == 0 ? [0] : positions;
    }
}
