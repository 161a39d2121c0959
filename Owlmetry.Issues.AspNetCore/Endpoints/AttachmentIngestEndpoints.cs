using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

public static class AttachmentIngestEndpoints
{
    private const string ClientKeyRequired = "Attachments require a client key bound to an app";

    public static async Task<IResult> Reserve(
        ReserveAttachmentRequest? body, HttpRequest request, ClaimsPrincipal principal, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        if (Refuse(principal, caller) is { } refusal)
        {
            return refusal;
        }

        var appId = ClientApp.Of(principal, caller.Actor)!.Value;
        var reserved = await attachments.ReserveAsync(caller.Actor, appId, ReserveAttachmentRequest.ToLibrary(body), ct);
        if (!reserved.IsSuccess)
        {
            return reserved.Error.ToProblem();
        }

        var id = reserved.Value.Attachment.Id;
        return TypedResults.Created(
            $"/v1/attachments/{id}",
            new AttachmentReservationResponse(id, PublicUrl.To(request, $"/v1/ingest/attachment/{id}"), reserved.Value.UploadExpiresAt));
    }

    public static async Task<IResult> Upload(
        Guid attachmentId, HttpRequest request, ClaimsPrincipal principal, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        if (Refuse(principal, caller) is { } refusal)
        {
            return refusal;
        }

        // The endpoint lifts the server's body limit (see the module); the declared size is the limit, enforced while streaming.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        // No Content-Length is passed on: request decompression drops Content-Encoding but keeps the compressed length,
        // which says nothing about the file's. The size is checked on the bytes as they stream instead.
        var uploaded = await attachments.UploadAsync(caller.Actor, ClientApp.Of(principal, caller.Actor)!.Value, attachmentId, request.Body, ct: ct);
        return uploaded.ToHttp(a => new AttachmentUploadResponse(a.Id, a.SizeBytes, a.Sha256));
    }

    /// <summary>Like ingest: the permission first, then the key must be a client key bound to an app.</summary>
    private static IResult? Refuse(ClaimsPrincipal principal, CurrentActor caller) =>
        !caller.Actor.Has(IssuePermissions.EventsWrite) ? IssueError.MissingPermission(IssuePermissions.EventsWrite).ToProblem()
        : ClientApp.Of(principal, caller.Actor) is null ? ErrorResponses.Problem(StatusCodes.Status403Forbidden, ClientKeyRequired)
        : null;
}
