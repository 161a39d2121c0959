using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Events;

/// <inheritdoc />
internal sealed class EventService(IIssueStore store, IIssueDirectory directory, TimeProvider timeProvider, IOptions<IssuesOptions> options)
    : IEventService
{
    private const string CursorScope = "events";
    private static readonly IssueError s_eventNotFound = IssueError.NotFound("Event not found");

    private readonly IssuesOptions _options = options.Value;

    public async Task<IssueResult<EventDetail>> GetAsync(Actor actor, Guid eventId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(IssuePermissions.EventsRead))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsRead);
        }

        var detail = await store.ReadAsync(
            async reader => await reader.FindEventAsync(eventId).ConfigureAwait(false) is not { } found ? null : new EventDetail(
                found,
                found.ClientEventId is { } clientEventId
                    ? (await reader.ListAttachmentsOfClientEventAsync(found.AppId, clientEventId).ConfigureAwait(false)).Where(a => a.DeletedAt is null).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList()
                    : []),
            ct).ConfigureAwait(false);
        if (detail is not null && await directory.FindProjectAsync(detail.Event.ProjectId, ct).ConfigureAwait(false) is { } project && actor.IsIn(project.TeamId))
        {
            return detail;
        }

        return ReceivedBeforeRetention(eventId) ? NoLongerRetained() : s_eventNotFound;
    }

    public async Task<IssueResult<EventPage>> ListAsync(Actor actor, EventQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Has(IssuePermissions.EventsRead))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsRead);
        }

        var after = KeysetCursor.Parse(query.Cursor, CursorScope);
        if (!after.IsSuccess)
        {
            return after.Error;
        }

        if (TextFilterWithNul(query) is { } field)
        {
            return StoredText.NulRefused(field);
        }

        var limit = _options.ClampPageSize(query.Limit);
        var projectIds = await ProjectsToListAsync(actor, query, ct).ConfigureAwait(false);

        // Only error events are stored: a level filter without error lists nothing.
        if (projectIds.Count == 0 || (query.Levels is { Count: > 0 } levels && !levels.Contains(EventRules.ErrorLevel)))
        {
            return new EventPage([], null, false);
        }

        var filter = new EventListFilter(
            projectIds, (query.DataMode ?? DataMode.Production).ToIsDev(), query.AppId, query.SessionId, query.UserId,
            query.Environment, query.ScreenName, query.Since, query.Until);
        var rows = await store.ReadAsync(r => r.ListEventsAsync(filter, query.Order, after.Value, limit + 1), ct).ConfigureAwait(false);
        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        return new EventPage(page, hasMore ? KeysetCursor.Encode(CursorScope, KeysetKey.Of(page[^1])) : null, hasMore);
    }

    /// <summary>The wire name of a text filter holding a NUL character, which no stored event can match.</summary>
    private static string? TextFilterWithNul(EventQuery query) =>
        StoredText.ContainsNul(query.UserId) ? "user_id"
        : StoredText.ContainsNul(query.Environment) ? "environment"
        : StoredText.ContainsNul(query.ScreenName) ? "screen_name"
        : null;

    /// <summary>The projects a list covers: those of the actor's teams (or of the one asked for), narrowed to a project and an app's project.</summary>
    private async Task<IReadOnlyCollection<Guid>> ProjectsToListAsync(Actor actor, EventQuery query, CancellationToken ct)
    {
        Guid[] teamIds = query.TeamId is { } teamId ? (actor.IsIn(teamId) ? [teamId] : []) : [.. actor.Teams.Keys];
        if (teamIds.Length == 0)
        {
            return [];
        }

        Guid? appProjectId = null;
        if (query.AppId is { } appId)
        {
            if (await directory.FindAppAsync(appId, ct).ConfigureAwait(false) is not { } app)
            {
                return [];
            }

            appProjectId = app.ProjectId;
        }

        var projects = await directory.ListProjectsAsync(teamIds, ct).ConfigureAwait(false);
        return projects
            .Select(p => p.Id)
            .Where(id => (query.ProjectId is not { } projectId || id == projectId) && (appProjectId is not { } appProject || id == appProject))
            .ToList();
    }

    /// <summary>
    /// Event ids are version 7 UUIDs stamped with the time the event was received, which is what retention counts
    /// from. So an id that was never stored, or not the caller's, can be told to be older than the window without
    /// looking anything up, and the answer depends on the id alone: it shows nothing of another team's events.
    /// </summary>
    private bool ReceivedBeforeRetention(Guid eventId)
    {
        if (eventId.Version != 7)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        eventId.TryWriteBytes(bytes, bigEndian: true, out _);
        var receivedMs = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
        return receivedMs < (timeProvider.GetUtcNow() - _options.EventRetention).ToUnixTimeMilliseconds();
    }

    private IssueError NoLongerRetained() => IssueError.NotFound(string.Create(
        CultureInfo.InvariantCulture,
        $"Event not found: it is older than the event retention of {_options.EventRetention.TotalDays:0.##} days and no longer retained"));
}
