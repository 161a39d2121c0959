using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Events;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class EventEndpoints
{
    public static async Task<Results<Ok<EventListResponse>, ProblemHttpResult>> List(
        [AsParameters] EventListParameters parameters, CurrentActor caller, IEventService events, TimeProvider clock, CancellationToken ct)
    {
        var query = parameters.Parse(clock.GetUtcNow());
        return query.IsSuccess
            ? (await events.ListAsync(caller.Actor, query.Value, ct)).ToHttp(p => new EventListResponse(p.Events.Select(ResourceContracts.ToResponse).ToList(), p.Cursor, p.HasMore))
            : query.Error.ToProblem();
    }

    public static async Task<Results<Ok<EventDetailResponse>, ProblemHttpResult>> Get(Guid eventId, CurrentActor caller, IEventService events, CancellationToken ct) =>
        (await events.GetAsync(caller.Actor, eventId, ct)).ToHttp(ResourceContracts.ToResponse);
}
