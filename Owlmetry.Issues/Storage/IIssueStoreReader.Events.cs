using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads of stored events behind the events API.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>The stored event with <paramref name="eventId"/>, or null: never stored, or deleted by retention.</summary>
    ValueTask<ErrorEvent?> FindEventAsync(Guid eventId);

    /// <summary>
    /// Up to <paramref name="take"/> stored events passing <paramref name="filter"/>, in <paramref name="order"/>
    /// (timestamp, then id), strictly beyond <paramref name="after"/> in that order when given.
    /// </summary>
    ValueTask<IReadOnlyList<ErrorEvent>> ListEventsAsync(EventListFilter filter, EventOrder order, KeysetKey? after, int take);
}
