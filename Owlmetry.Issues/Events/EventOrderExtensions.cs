using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Events;

/// <summary>Keyset paging in either <see cref="EventOrder"/>.</summary>
internal static class EventOrderExtensions
{
    /// <summary>Whether <paramref name="key"/> comes strictly after <paramref name="cursor"/> in <paramref name="order"/>; any key does without a cursor.</summary>
    public static bool IsBeyond(this EventOrder order, KeysetKey key, KeysetKey? cursor) =>
        cursor is not { } c || (order == EventOrder.NewestFirst ? key < c : key > c);

    /// <summary>Sorts <paramref name="events"/> in <paramref name="order"/>.</summary>
    /// <returns>The events, ordered by timestamp and then id.</returns>
    public static IOrderedEnumerable<ErrorEvent> Sort(this EventOrder order, IEnumerable<ErrorEvent> events) =>
        order == EventOrder.NewestFirst ? events.OrderByDescending(KeysetKey.Of) : events.OrderBy(KeysetKey.Of);
}
