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
/// production) and dev and prod issues never mix. Status, app and claim are filters on the scan instead: an index
/// per combination would multiply the keys every issue update rewrites (and LiteDB caps a collection at 32
/// indexes), and a filtered lane still stops as soon as it has a page. The price is a long scan for a filter
/// that matches almost nothing in a large project; a status lane index is the remedy if that ever shows up.
/// </remarks>
internal static class IssueListScan
{
    private const string ClaimExpiresAt = "$." + nameof(IssueDocument.ClaimExpiresAt);

    private static readonly BsonExpression s_statusCount = BsonExpression.Create($"{{ c: COUNT(*.{nameof(IssueDocument.StatusKey)}) }}");

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
    /// The issues of <paramref name="filter"/> per status: each (lane, status) is one range of the lane-status index,
    /// counted from the index keys alone, so no issue document is read.
    /// </summary>
    public static IReadOnlyDictionary<IssueStatus, int> CountByStatus(ILiteCollection<IssueDocument> issues, IssueListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var counts = new Dictionary<IssueStatus, int>();
        bool[] sides = filter.IsDev is { } isDev ? [isDev] : [false, true];
        IssueStatus[] statuses = filter.Status is { } only ? [only] : Enum.GetValues<IssueStatus>();
        foreach (var projectId in filter.ProjectIds.Distinct())
        {
            foreach (var (side, status) in sides.SelectMany(side => statuses.Select(status => (side, status))))
            {
                var count = CountStatusRange(issues, StorageKeys.IssueStatusRange(projectId, side, status.ToWireName(), filter.AppId));
                if (count > 0)
                {
                    counts[status] = counts.GetValueOrDefault(status) + count;
                }
            }
        }

        return counts;
    }

    /// <summary>The query plan of one status range's count, for tests that pin it to the index keys alone.</summary>
    internal static BsonDocument PlanStatusCount(ILiteCollection<IssueDocument> issues, string range) => StatusRangeQuery(issues, range).GetPlan();

    private static int CountStatusRange(ILiteCollection<IssueDocument> issues, string range) =>
        StatusRangeQuery(issues, range).ToDocuments().Single()["c"].AsInt32;

    // Selecting only the indexed field lets LiteDB's planner read the keys without loading documents.
    private static ILiteQueryableResult<BsonDocument> StatusRangeQuery(ILiteCollection<IssueDocument> issues, string range) =>
        issues.Query()
            .Where(BsonExpression.Create($"$.{nameof(IssueDocument.StatusKey)} BETWEEN @0 AND @1", range, range + StorageKeys.RangeEnd))
            .Select(s_statusCount);

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

        if (filter.Claim is { } claim)
        {
            filters.Add(ClaimFilter(claim));
        }

        return filters;
    }

    // A lapsed claim stays stored: liveness is its expiry compared with the condition's now. An unclaimed issue's
    // document has no expiry field at all, which the expression reads as null.
    private static BsonExpression ClaimFilter(IssueClaimCondition claim)
    {
        var now = UnixTime.From(claim.Now);
        if (!claim.IsClaimed)
        {
            return BsonExpression.Create($"({ClaimExpiresAt} = null OR {ClaimExpiresAt} <= @0)", now);
        }

        return claim is { HolderId: { } holderId, HolderKind: { } holderKind }
            ? BsonExpression.Create(
                $"{ClaimExpiresAt} > @0 AND $.{nameof(IssueDocument.ClaimHolderId)} = @1 AND $.{nameof(IssueDocument.ClaimHolderKind)} = @2",
                now,
                holderId,
                holderKind.ToWireName())
            : BsonExpression.Create($"{ClaimExpiresAt} > @0", now);
    }
}
