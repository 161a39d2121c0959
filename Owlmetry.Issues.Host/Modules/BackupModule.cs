using Carter;
using Owlmetry.Issues.Host.Endpoints;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Modules;

public sealed class BackupModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        // Its own token instead of a user's: the route is open to strangers, so it shares the login's per-address limit.
        app.MapPost(BackupEndpoints.Route, BackupEndpoints.Create).WithName("CreateBackup").WithSummary("Download a backup of the data directory").WithTags("Operations")
            .RequireRateLimiting(AnonymousRateLimiting.LoginPolicyName)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
