using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// Walks one prefix of a composite-key index in key order. The range is a single BETWEEN on the indexed field, so
/// LiteDB runs it as an index range scan that stops after <c>limit</c> matches, and ordering by that same field
/// makes the query planner read the index in the requested direction instead of sorting.
/// </summary>
internal static class KeyRange
{
    /// <summary>
    /// Rows whose <paramref name="keyField"/> starts with <paramref name="prefix"/>, up to <paramref name="bound"/>
    /// inclusive when given (the far end in scan direction is the prefix's end). Callers drop the bound row itself:
    /// BETWEEN is inclusive, and a one-row over-fetch is cheaper than a second, unindexed predicate.
    /// </summary>
    public static List<T> Scan<T>(
        ILiteCollection<T> collection,
        string keyField,
        string prefix,
        string? bound,
        bool descending,
        int? limit,
        IReadOnlyList<BsonExpression>? filters = null)
    {
        var query = Build(collection, keyField, prefix, bound, descending, filters);
        return limit is { } take ? query.Limit(take).ToList() : query.ToList();
    }

    /// <summary>The query <see cref="Scan"/> runs, before its limit.</summary>
    public static ILiteQueryable<T> Build<T>(
        ILiteCollection<T> collection,
        string keyField,
        string prefix,
        string? bound,
        bool descending,
        IReadOnlyList<BsonExpression>? filters = null)
    {
        var low = descending ? prefix : bound ?? prefix;
        var high = descending ? bound ?? prefix + StorageKeys.RangeEnd : prefix + StorageKeys.RangeEnd;
        return Between(collection, keyField, low, high, descending, filters);
    }

    /// <summary>Rows whose <paramref name="keyField"/> lies between <paramref name="low"/> and <paramref name="high"/> inclusive, in key order.</summary>
    public static ILiteQueryable<T> Between<T>(
        ILiteCollection<T> collection,
        string keyField,
        BsonValue low,
        BsonValue high,
        bool descending,
        IReadOnlyList<BsonExpression>? filters = null)
    {
        var path = "$." + keyField;
        var query = collection.Query().Where(BsonExpression.Create($"{path} BETWEEN @0 AND @1", low, high));
        foreach (var filter in filters ?? [])
        {
            query = query.Where(filter);
        }

        return query.OrderBy(BsonExpression.Create(path), descending ? Query.Descending : Query.Ascending);
    }

    /// <summary>A limit that leaves room for the inclusive bound row that the caller drops.</summary>
    public static int WithBound(int take, KeysetKey? after) => after is null || take == int.MaxValue ? take : take + 1;
}
