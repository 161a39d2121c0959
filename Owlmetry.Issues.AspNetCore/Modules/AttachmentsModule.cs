using Carter;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Endpoints;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class AttachmentsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var attachments = app.MapGroup("/attachments").WithTags("Attachments");
        var authorized = attachments.MapGroup(string.Empty).RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        authorized.MapGet("", AttachmentEndpoints.List).WithName("ListAttachments").RequiresPermission(IssuePermissions.EventsRead).WithSummary("List attachments").ProducesProblem(400);
        authorized.MapGet("{attachmentId:guid}", AttachmentEndpoints.Get).WithName("GetAttachment").RequiresPermission(IssuePermissions.EventsRead).WithSummary("Get an attachment with a download URL");
        authorized.MapDelete("{attachmentId:guid}", AttachmentEndpoints.Delete).WithName("DeleteAttachment").RequiresPermission(IssuePermissions.EventsWrite).WithSummary("Delete an attachment");

        var download = attachments.MapGet("download", AttachmentEndpoints.Download).WithName("DownloadAttachment")
            .WithSummary("Download an attachment by its signed URL").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(401).ProducesProblem(404).ProducesProblem(429);
        if (app.ServiceProvider.GetRequiredService<IOptions<OwlmetryIssuesApiOptions>>().Value.DownloadRateLimitingPolicy is { } policy)
        {
            download.RequireRateLimiting(policy);
        }
    }
}
