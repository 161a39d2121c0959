using Carter;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class EventsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events").WithTags("Events").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403);
        events.MapGet("", EventEndpoints.List).WithName("ListEvents").RequiresPermission(IssuePermissions.EventsRead).WithSummary("List stored events")
            .WithDescription("The stored (error) events of the caller's teams, newest first unless order=asc, keyset-paged with cursor and limit.")
            .ProducesProblem(400);
        events.MapGet("{eventId:guid}", EventEndpoints.Get).WithName("GetEvent").RequiresPermission(IssuePermissions.EventsRead).WithSummary("Get a stored event")
            .WithDescription("The stored event behind an occurrence's event_id, with its attributes and attachments, for as long as it is retained.")
            .ProducesProblem(404);
    }
}
