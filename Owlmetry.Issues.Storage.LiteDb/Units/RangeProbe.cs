using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The keys of one indexed field between two bounds, read from the index alone (the query selects only that field,
/// so LiteDB loads no document), with the expression parsed once per store like <see cref="KeyProbe{T}"/>'s.
/// Units of work are serialized by the store's gate, so one instance is never used by two queries at once.
/// </summary>
internal sealed class RangeProbe<T>(ILiteCollection<T> collection, string field)
{
    private readonly BsonExpression _range = BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", BsonValue.Null, BsonValue.Null);

    private readonly BsonExpression _key = BsonExpression.Create($"$.{field}");

    private readonly string _field = field;

    /// <summary>The keys from <paramref name="low"/> to <paramref name="high"/> inclusive, in key order.</summary>
    public IEnumerable<BsonValue> Keys(BsonValue low, BsonValue high)
    {
        _range.Parameters["0"] = low;
        _range.Parameters["1"] = high;
        return collection.Query().Where(_range).Select(_key).ToEnumerable().Select(row => row[_field]);
    }
}
