using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// Issue lists. Each sort has an index on <c>project|dev|value|id</c>, so one (project, dev/prod) lane is a
/// range of that index already in list order, and a keyset cursor is a seek into it. A list reads each of its
/// lanes from the cursor down, at most one page per lane, and merges them: one lane for a project list with
/// <c>is_dev</c>, two without, two per project for team lists.
/// </summary>
/// <remarks>
/// The dev/prod split is part of the key because it is the filter every list applies (team lists default to
/// production) and dev and prod issues never mix. Status and app are filters on the scan instead: an index per
/// combination would multiply the keys every issue update rewrites (and LiteDB caps a collection at 32
/// indexes), and a filtered lane still stops as soon as it has a page. The price is a long scan for a filter
/// that matches almost nothing in a large project; a status lane index is the remedy if that ever shows up.
/// </remarks>
internal static class IssueListScan
{
    private static readonly BsonExpression s_status = BsonExpression.Create($"$.{nameof(IssueDocument.Status)}");
    private static readonly BsonExpression s_statusCount = BsonExpression.Create("{ s: @key, c: COUNT(*) }");

    public static IReadOnlyList<Issue> List(ILiteCollection<IssueDocument> issues, IssueListFilter filter, IssueSort sort, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (take <= 0 || filter.ProjectIds.Count == 0)
        {
            return [];
        }

        var keyField = KeyField(sort);
        var filters = Filters(filter);
        bool[] sides = filter.IsDev is { } isDev ? [isDev] : [false, true];
        return filter.ProjectIds
            .Distinct()
            .SelectMany(projectId => sides.Select(side => (ProjectId: projectId, IsDev: side)))
            .SelectMany(lane => KeyRange.Scan(
                issues,
                keyField,
                StorageKeys.IssueLane(lane.ProjectId, lane.IsDev),
                after is { } cursor ? StorageKeys.IssueSort(lane.ProjectId, lane.IsDev, cursor) : null,
                descending: true,
                KeyRange.WithBound(take, after),
                filters))
            .Select(document => document.ToIssue())
            .Where(issue => sort.KeyOf(issue).IsAfter(after))
            .OrderByDescending(issue => sort.KeyOf(issue))
            .Take(take)
            .ToList();
    }

    /// <summary>
    /// The issues of <paramref name="filter"/> per status: each lane is one range of the last-seen index, grouped by
    /// status in the engine; every issue of the lanes is read once.
    /// </summary>
    public static IReadOnlyDictionary<IssueStatus, int> CountByStatus(ILiteCollection<IssueDocument> issues, IssueListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var counts = new Dictionary<IssueStatus, int>();
        bool[] sides = filter.IsDev is { } isDev ? [isDev] : [false, true];
        var filters = Filters(filter);
        foreach (var lane in filter.ProjectIds.Distinct().SelectMany(projectId => sides.Select(side => StorageKeys.IssueLane(projectId, side))))
        {
            var query = issues.Query().Where(BsonExpression.Create($"$.{nameof(IssueDocument.LastSeenKey)} BETWEEN @0 AND @1", lane, lane + StorageKeys.RangeEnd));
            foreach (var condition in filters)
            {
                query = query.Where(condition);
            }

            foreach (var row in query.GroupBy(s_status).Select(s_statusCount).ToEnumerable())
            {
                var status = WireNames.TryParse<IssueStatus>(row["s"].AsString, out var parsed)
                    ? parsed
                    : throw new InvalidDataException($"An issue has an unknown stored status '{row["s"].AsString}'.");
                counts[status] = counts.GetValueOrDefault(status) + row["c"].AsInt32;
            }
        }

        return counts;
    }

    /// <summary>The query plan of one lane's first page, for tests that pin the index use.</summary>
    internal static BsonDocument PlanFirstPage(ILiteCollection<IssueDocument> issues, Guid projectId, bool isDev, IssueSort sort, int take)
        => KeyRange.Build(issues, KeyField(sort), StorageKeys.IssueLane(projectId, isDev), bound: null, descending: true)
            .Limit(take)
            .GetPlan();

    private static string KeyField(IssueSort sort) => sort switch
    {
        IssueSort.LastSeen => nameof(IssueDocument.LastSeenKey),
        IssueSort.LastActivity => nameof(IssueDocument.LastActivityKey),
        IssueSort.FirstSeen => nameof(IssueDocument.FirstSeenKey),
        IssueSort.Occurrences => nameof(IssueDocument.OccurrencesKey),
        IssueSort.Users => nameof(IssueDocument.UsersKey),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    private static List<BsonExpression> Filters(IssueListFilter filter)
    {
        var filters = new List<BsonExpression>();
        if (filter.Status is { } status)
        {
            filters.Add(BsonExpression.Create($"$.{nameof(IssueDocument.Status)} = @0", status.ToWireName()));
        }

        if (filter.AppId is { } appId)
        {
            filters.Add(BsonExpression.Create($"$.{nameof(IssueDocument.AppId)} = @0", appId));
        }

        return filters;
    }
}
