using System.Security.Cryptography;
using System.Text;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The SDK side of attachments through <see cref="OwlmetryIssuesClient"/>: reserve, then upload the bytes.</summary>
internal static class ClientAttachments
{
    public static ReserveAttachmentRequest Reservation(
        byte[] content, Guid? clientEventId = null, string filename = "crash.log", string contentType = "text/plain", string? userId = null) =>
        new((clientEventId ?? Guid.NewGuid()).ToString(), filename, contentType, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), userId, IsDev: false);

    /// <summary>Reserves and uploads <paramref name="text"/>; returns the attachment id.</summary>
    public static async Task<Guid> AddAttachmentAsync(
        this OwlmetryIssuesClient sdk, string text, Guid? clientEventId = null, string filename = "crash.log", string contentType = "text/plain")
    {
        var content = Encoding.UTF8.GetBytes(text);
        var reservation = await sdk.ReserveAttachmentAsync(Reservation(content, clientEventId, filename, contentType));
        using var body = new MemoryStream(content);
        await sdk.UploadAttachmentAsync(reservation, body, "application/octet-stream");
        return reservation.AttachmentId;
    }

    /// <summary>The signed download link of an uploaded attachment, as <c>GET /v1/attachments/:id</c> gives it.</summary>
    public static async Task<string> GetDownloadUrlAsync(this OwlmetryIssuesClient client, Guid attachmentId) =>
        (await client.GetAttachmentAsync(attachmentId)).DownloadUrl?.Url
            ?? throw new InvalidOperationException($"Attachment {attachmentId} has no download link: it is not uploaded.");
}
