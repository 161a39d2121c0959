using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class AttachmentEndpoints
{
    public static async Task<Results<Ok<AttachmentListResponse>, ProblemHttpResult>> List(
        [AsParameters] AttachmentListParameters parameters, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        var query = parameters.Parse();
        return query.IsSuccess
            ? (await attachments.ListAsync(caller.Actor, query.Value, ct))
                .ToHttp(p => new AttachmentListResponse(p.Attachments.Select(ResourceContracts.ToItemResponse).ToList(), p.Cursor, p.HasMore))
            : query.Error.ToProblem();
    }

    public static async Task<Results<Ok<AttachmentDetailResponse>, ProblemHttpResult>> Get(
        Guid attachmentId, HttpRequest request, CurrentActor caller, IAttachmentService attachments, CancellationToken ct) =>
        (await attachments.GetAsync(caller.Actor, attachmentId, ct)).ToHttp(d => d.Attachment.ToDetailResponse(
            d.DownloadToken is { } token
                ? PublicUrl.To(request, $"{IssuesApiPrefix.Of(request.HttpContext)}/attachments/download", QueryString.Create("t", token))
                : null,
            d.DownloadExpiresAt));

    // {"ok": true} as the reference answers this delete; a comment's delete answers {"deleted": true} (CONTRACT §3).
    public static async Task<Results<Ok<OkResponse>, ProblemHttpResult>> Delete(
        Guid attachmentId, CurrentActor caller, IAttachmentService attachments, CancellationToken ct) =>
        (await attachments.DeleteAsync(caller.Actor, attachmentId, ct)).ToHttp(_ => new OkResponse(true));

    /// <summary>
    /// No credentials but the signed token. Always a download (<c>Content-Disposition: attachment</c>), never sniffed,
    /// never cached, sandboxed if a browser renders it anyway, with the declared type only when it is inert.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        [FromQuery(Name = "t")] string? token, HttpResponse response, IAttachmentService attachments, CancellationToken ct)
    {
        var opened = await attachments.OpenDownloadAsync(token, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error.ToProblem();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var attachment = opened.Value.Attachment;
        return TypedResults.Stream(opened.Value.Content, DownloadContentType.Of(attachment.ContentType), attachment.OriginalFilename);
    }
}
