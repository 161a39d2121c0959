using Carter;
using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Endpoints;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.AspNetCore.Modules;

internal sealed class AttachmentIngestModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var ingest = app.MapGroup("/ingest/attachment").WithTags("Attachments")
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(413).ProducesProblem(415).ProducesProblem(429)
            .WithIngestRateLimiting(app);
        ingest.MapPost("", AttachmentIngestEndpoints.Reserve).WithName("ReserveAttachment").WithSummary("Reserve an attachment upload")
            .Accepts<ReserveAttachmentRequest>("application/json");

        // The server's default body limit would stop large files; the declared size is enforced while streaming instead.
        // No Accepts metadata: routing would then refuse every body not sent as that one type, and SDKs send the file's own.
        ingest.MapPut("{attachmentId:guid}", AttachmentIngestEndpoints.Upload).WithName("UploadAttachment").WithSummary("Upload a reserved attachment's bytes")
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithDescription("The raw bytes of the reserved file, in any content type (gzip allowed).")
            .ProducesProblem(410);
    }
}
