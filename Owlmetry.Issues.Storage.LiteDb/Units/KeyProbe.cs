using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// An equality lookup on one indexed field, parsed once per store. <c>BsonExpression.Create</c> tokenizes and
/// parses its text on every call (and <c>FindById</c> calls it each time); the hot lookups of ingest and the scan
/// instead set the one parameter of an expression parsed at open. Units of work are serialized by the store's
/// gate, so one instance is never used by two queries at once.
/// </summary>
internal sealed class KeyProbe<T>(ILiteCollection<T> collection, string field)
{
    private readonly BsonExpression _predicate = BsonExpression.Create($"$.{field} = @0", BsonValue.Null);

    /// <summary>Whether a row has <paramref name="key"/>.</summary>
    public bool Exists(BsonValue key)
    {
        using var reader = Query(key).Limit(1).ExecuteReader();
        return reader.Read();
    }

    /// <summary>The row with <paramref name="key"/>, or null.</summary>
    public T? Find(BsonValue key) => Query(key).Limit(1).FirstOrDefault();

    private ILiteQueryable<T> Query(BsonValue key)
    {
        _predicate.Parameters["0"] = key;
        return collection.Query().Where(_predicate);
    }
}
