using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;

namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader
{
    // A pass over the events: the in-memory store is for tests and small hosts.
    public ErrorEvent? FindEvent(Guid eventId) => Data.Events.Find(e => e.Id == eventId);

    public IReadOnlyList<ErrorEvent> ListEvents(EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return order.Sort(Data.Events.Where(e => filter.Matches(e) && order.IsBeyond(KeysetKey.Of(e), after)))
            .Take(Math.Max(take, 0))
            .ToList();
    }
}
