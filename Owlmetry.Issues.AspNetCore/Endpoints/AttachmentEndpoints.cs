using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

public static class AttachmentEndpoints
{
    public const string DownloadPath = "/v1/attachments/download";

    public static async Task<IResult> List(
        [AsParameters] AttachmentListParameters parameters, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        var query = parameters.Parse();
        if (!query.IsSuccess)
        {
            return query.Error.ToProblem();
        }

        var page = await attachments.ListAsync(caller.Actor, query.Value, ct);
        return page.ToHttp(p => new AttachmentListResponse(p.Attachments.Select(AttachmentItemResponse.From).ToList(), p.Cursor, p.HasMore));
    }

    public static async Task<IResult> Get(Guid attachmentId, HttpRequest request, CurrentActor caller, IAttachmentService attachments, CancellationToken ct)
    {
        var detail = await attachments.GetAsync(caller.Actor, attachmentId, ct);
        return detail.ToHttp(d => AttachmentDetailResponse.From(
            d.Attachment,
            d.DownloadToken is { } token ? PublicUrl.To(request, DownloadPath, QueryString.Create("t", token)) : null,
            d.DownloadExpiresAt));
    }

    public static async Task<IResult> Delete(Guid attachmentId, CurrentActor caller, IAttachmentService attachments, CancellationToken ct) =>
        (await attachments.DeleteAsync(caller.Actor, attachmentId, ct)).ToHttp(_ => new DeletedResponse(true));

    /// <summary>
    /// No credentials but the signed token. Always a download (<c>Content-Disposition: attachment</c>), never sniffed,
    /// never cached, sandboxed if a browser renders it anyway, with the declared type only when it is inert.
    /// </summary>
    public static async Task<IResult> Download([FromQuery(Name = "t")] string? token, HttpResponse response, IAttachmentService attachments, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
        {
            return ErrorResponses.Problem(StatusCodes.Status400BadRequest, "t is required");
        }

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
