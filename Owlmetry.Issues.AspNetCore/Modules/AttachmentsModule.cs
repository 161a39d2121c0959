using Carter;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Endpoints;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.AspNetCore.Modules;

public sealed class AttachmentsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var attachments = app.MapGroup("/v1/attachments").WithTags("Attachments");
        attachments.MapGet("", AttachmentEndpoints.List).WithName("ListAttachments").WithSummary("List attachments").RequireAuthorization(OwlmetryApi.PolicyName)
            .Produces<AttachmentListResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        attachments.MapGet("{attachmentId:guid}", AttachmentEndpoints.Get).WithName("GetAttachment").WithSummary("Get an attachment with a download URL").RequireAuthorization(OwlmetryApi.PolicyName)
            .Produces<AttachmentDetailResponse>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        attachments.MapDelete("{attachmentId:guid}", AttachmentEndpoints.Delete).WithName("DeleteAttachment").WithSummary("Delete an attachment").RequireAuthorization(OwlmetryApi.PolicyName)
            .Produces<DeletedResponse>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        attachments.MapGet("download", AttachmentEndpoints.Download).WithName("DownloadAttachment").WithSummary("Download an attachment by its signed URL").AllowAnonymous()
            .RequireRateLimiting(AnonymousRateLimiting.DownloadPolicyName)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(410).ProducesProblem(429);
    }
}
