using Microsoft.AspNetCore.Http.Features;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Ingest;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class AttachmentIngestEndpoints
{
    public static async Task<Results<Created<AttachmentReservationResponse>, ProblemHttpResult>> Reserve(
        ReserveAttachmentRequest? body, HttpRequest request, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        var appId = IngestAccess.AuthorizeAttachments(caller.Actor);
        if (!appId.IsSuccess)
        {
            return appId.Error.ToProblem();
        }

        var prefix = IssuesApiPrefix.Of(request.HttpContext);
        return (await attachments.ReserveAsync(caller.Actor, appId.Value, body.ToLibrary(), ct)).ToCreated(
            reserved => $"{prefix}/attachments/{reserved.Attachment.Id}",
            reserved => new AttachmentReservationResponse(
                reserved.Attachment.Id, PublicUrl.To(request, $"{prefix}/ingest/attachment/{reserved.Attachment.Id}"), reserved.UploadExpiresAt));
    }

    public static async Task<Results<Ok<AttachmentUploadResponse>, ProblemHttpResult>> Upload(
        Guid attachmentId, HttpRequest request, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        var appId = IngestAccess.AuthorizeAttachments(caller.Actor);
        if (!appId.IsSuccess)
        {
            return appId.Error.ToProblem();
        }

        // The endpoint lifts the server's body limit (see the module); the declared size is the limit, enforced while streaming.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        // No Content-Length is passed on: request decompression drops Content-Encoding but keeps the compressed length,
        // which says nothing about the file's. The size is checked on the bytes as they stream instead.
        var uploaded = await attachments.UploadAsync(caller.Actor, appId.Value, attachmentId, request.Body, ct: ct);
        return uploaded.ToHttp(a => new AttachmentUploadResponse(a.Id, a.SizeBytes, a.Sha256));
    }
}
