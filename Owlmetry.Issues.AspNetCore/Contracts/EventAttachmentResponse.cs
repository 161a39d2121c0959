using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>An attachment of an event; <c>uploaded_at</c> is null while its bytes have not arrived.</summary>
public sealed record EventAttachmentResponse(Guid Id, string OriginalFilename, string ContentType, long SizeBytes, DateTimeOffset? UploadedAt)
{
    /// <summary>The response of the library's value.</summary>
    public static EventAttachmentResponse From(IssueAttachment a) => new(a.Id, a.OriginalFilename, a.ContentType, a.SizeBytes, a.UploadedAt);
}
