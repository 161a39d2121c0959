using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>
/// The count and checksum of one kind of record: the SHA-256 of each record's canonical JSON (its properties, at every
/// depth, in ordinal name order), summed modulo 2^256. The sum does not depend on the order the records come in, so
/// two providers walking their own indexes in their own orders digest the same records alike, a page at a time.
/// </summary>
internal sealed class KindDigest
{
    private static readonly BigInteger s_modulus = BigInteger.One << 256;
    private BigInteger _sum;

    public long Count { get; private set; }

    /// <summary>64 hex digits.</summary>
    public string Checksum
    {
        get
        {
            var bytes = _sum.ToByteArray(isUnsigned: true, isBigEndian: true);
            return Convert.ToHexStringLower([.. new byte[32 - bytes.Length], .. bytes]);
        }
    }

    public void Add<T>(T record)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(record)));
        _sum = (_sum + new BigInteger(hash, isUnsigned: true, isBigEndian: true)) % s_modulus;
        Count++;
    }

    public void AddRange<T>(IEnumerable<T> records)
    {
        foreach (var record in records)
        {
            Add(record);
        }
    }

    /// <summary>The record as JSON with every object's properties in ordinal order (a jsonb column, for one, does not keep the order given).</summary>
    public static string Canonical<T>(T record) => Sorted(JsonSerializer.SerializeToNode(record))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
