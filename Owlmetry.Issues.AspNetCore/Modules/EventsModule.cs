using Carter;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

public sealed class EventsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/v1/events").WithTags("Events").RequireAuthorization(OwlmetryApi.PolicyName)
            .ProducesProblem(401).ProducesProblem(403);
        events.MapGet("", EventEndpoints.List).WithName("ListEvents").WithSummary("List stored events")
            .WithDescription("The stored (error) events of the caller's teams, newest first unless order=asc, keyset-paged with cursor and limit.")
            .Produces<EventListResponse>().ProducesProblem(400);
        events.MapGet("{eventId:guid}", EventEndpoints.Get).WithName("GetEvent").WithSummary("Get a stored event")
            .WithDescription("The stored event behind an occurrence's event_id, with its attributes and attachments, for as long as it is retained.")
            .Produces<EventDetailResponse>().ProducesProblem(404);
    }
}
