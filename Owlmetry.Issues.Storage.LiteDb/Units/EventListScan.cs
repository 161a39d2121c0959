using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// Event lists. The list index is on <c>project|dev|timestamp|id</c>, so one (project, dev/prod) lane is a range of
/// it already in time order; the time window and the keyset cursor narrow that range at both ends. A list reads
/// each of its lanes, at most one page per lane, and merges them, as issue lists do (<see cref="IssueListScan"/>).
/// </summary>
/// <remarks>
/// App, session, user, environment and screen are filters on the scan rather than indexes: every index is paid for
/// by each event ingest writes, and a filtered lane still stops as soon as it has a page. The price is a long scan for
/// a filter that matches little of a busy project's retention window; narrowing the time window shortens it.
/// </remarks>
internal static class EventListScan
{
    public static IReadOnlyList<ErrorEvent> List(ILiteCollection<EventDocument> events, EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (take <= 0 || filter.ProjectIds.Count == 0)
        {
            return [];
        }

        var filters = Filters(filter);
        bool[] sides = filter.IsDev is { } isDev ? [isDev] : [false, true];
        var lanes = filter.ProjectIds.Distinct().SelectMany(projectId => sides.Select(side => (ProjectId: projectId, IsDev: side)));
        return order.Sort(lanes
                .SelectMany(lane => Lane(events, lane.ProjectId, lane.IsDev, filter, order, after, filters).Limit(KeyRange.WithBound(take, after)).ToList())
                .Select(document => document.ToEvent())
                .Where(e => order.IsBeyond(KeysetKey.Of(e), after)))
            .Take(take)
            .ToList();
    }

    /// <summary>The query of one lane, before its limit: its range, narrowed by the time window and the cursor.</summary>
    internal static ILiteQueryable<EventDocument> Lane(
        ILiteCollection<EventDocument> events,
        Guid projectId,
        bool isDev,
        EventListFilter filter,
        EventOrder order,
        KeysetKey? after,
        IReadOnlyList<BsonExpression>? filters = null)
    {
        var lane = StorageKeys.EventLane(projectId, isDev);
        var low = filter.Since is { } since ? StorageKeys.EventLaneFrom(projectId, isDev, since) : lane;
        var high = filter.Until is { } until ? StorageKeys.EventLaneUntil(projectId, isDev, until) : lane + StorageKeys.RangeEnd;
        if (after is { } cursor)
        {
            // Inclusive, like every bound of a range: the cursor's own row comes back and is dropped by the caller.
            var bound = StorageKeys.EventRow(projectId, isDev, cursor);
            (low, high) = order == EventOrder.NewestFirst ? (low, Min(high, bound)) : (Max(low, bound), high);
        }

        return KeyRange.Between(events, nameof(EventDocument.ListKey), low, high, descending: order == EventOrder.NewestFirst, filters);
    }

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static List<BsonExpression> Filters(EventListFilter filter)
    {
        var filters = new List<BsonExpression>();
        if (filter.AppId is { } appId)
        {
            filters.Add(BsonExpression.Create($"$.{nameof(EventDocument.AppId)} = @0", appId));
        }

        if (filter.SessionId is { } sessionId)
        {
            filters.Add(BsonExpression.Create($"$.{nameof(EventDocument.SessionId)} = @0", sessionId));
        }

        AddEquals(filters, nameof(EventDocument.UserId), filter.UserId);
        AddEquals(filters, nameof(EventDocument.Environment), filter.Environment);
        AddEquals(filters, nameof(EventDocument.ScreenName), filter.ScreenName);
        return filters;
    }

    private static void AddEquals(List<BsonExpression> filters, string field, string? value)
    {
        if (value is not null)
        {
            filters.Add(BsonExpression.Create($"$.{field} = @0", value));
        }
    }
}
