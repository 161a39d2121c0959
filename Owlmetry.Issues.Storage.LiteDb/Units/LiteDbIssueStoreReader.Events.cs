using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>Event reads: one lookup of the event-id index, or the lanes of the list index (see <see cref="EventListScan"/>).</summary>
internal partial class LiteDbIssueStoreReader
{
    public ErrorEvent? FindEvent(Guid eventId) =>
        Collections.Events.Query().Where(BsonExpression.Create($"$.{nameof(EventDocument.EventId)} = @0", eventId)).Limit(1).FirstOrDefault()?.ToEvent();

    public IReadOnlyList<ErrorEvent> ListEvents(EventListFilter filter, EventOrder order, KeysetKey? after, int take) =>
        EventListScan.List(Collections.Events, filter, order, after, take);
}
