using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Events;

/// <summary>
/// Reads the stored events behind issue occurrences: error events, kept for <see cref="IssuesOptions.EventRetention"/>.
/// Every call needs <see cref="IssuePermissions.EventsRead"/>; another team's event is not found.
/// </summary>
public interface IEventService
{
    /// <summary>The event with <paramref name="eventId"/> and its attachments.</summary>
    /// <returns>
    /// The event, or not found; when the id itself dates the event before the retention window, the error says the
    /// event is no longer retained.
    /// </returns>
    Task<IssueResult<EventDetail>> GetAsync(Actor actor, Guid eventId, CancellationToken ct = default);

    /// <summary>One page of the events <paramref name="query"/> selects, keyset-paged on (timestamp, id).</summary>
    /// <returns>The page, or an invalid cursor or missing permission.</returns>
    Task<IssueResult<EventPage>> ListAsync(Actor actor, EventQuery query, CancellationToken ct = default);
}
