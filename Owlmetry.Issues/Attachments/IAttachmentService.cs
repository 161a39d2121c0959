using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Attachments (CONTRACT §8), authorized from the <see cref="Actor"/> like <see cref="IIssueService"/>: SDK keys with
/// <c>events:write</c> reserve and upload for an app of their team; readers need <c>events:read</c> (users always
/// pass) and see their teams' projects only; another team's attachment is "not found". Failures are values; the
/// refusals of a reservation or an upload that SDKs act on carry the reference's <see cref="IssueError.Code"/>.
/// </summary>
public interface IAttachmentService
{
    /// <summary>
    /// Reserves an attachment of the event <paramref name="appId"/> sent (or will send) with the request's
    /// <c>client_event_id</c>: checks every field, refuses executables and scripts, and charges the declared size to the
    /// user's and the project's quotas. When the event was already scanned, the attachment is linked to its issue at
    /// once; otherwise the scan links it. Sending the same reservation again while it waits for its bytes returns it again.
    /// </summary>
    Task<IssueResult<AttachmentReservation>> ReserveAsync(Actor actor, Guid appId, AttachmentReservationRequest request, CancellationToken ct = default);

    /// <summary>
    /// Streams the bytes of a reservation of <paramref name="appId"/> into the blob store, hashing and counting them on
    /// the way. More bytes than declared stop the upload at once (413); fewer bytes or another SHA-256 are refused (400);
    /// in every refusal the bytes are deleted and the reservation stays open for a correct upload. A second upload is 409.
    /// </summary>
    /// <param name="actor">The SDK key.</param>
    /// <param name="appId">The app of the key.</param>
    /// <param name="attachmentId">The reservation.</param>
    /// <param name="content">The bytes; read once, front to back.</param>
    /// <param name="contentLength">The body length when the transport knows it up front, so a wrong length is refused before reading.</param>
    /// <param name="ct">Cancels the upload; nothing is kept.</param>
    Task<IssueResult<IssueAttachment>> UploadAsync(
        Actor actor, Guid appId, Guid attachmentId, Stream content, long? contentLength = null, CancellationToken ct = default);

    /// <summary>Lists uploaded, non-deleted attachments, newest first, keyset-paged on (created_at, id).</summary>
    Task<IssueResult<AttachmentPage>> ListAsync(Actor actor, AttachmentQuery query, CancellationToken ct = default);

    /// <summary>An attachment, with a signed download token valid for <see cref="AttachmentOptions.DownloadLinkLifetime"/> once uploaded.</summary>
    Task<IssueResult<AttachmentDetail>> GetAsync(Actor actor, Guid attachmentId, CancellationToken ct = default);

    /// <summary>
    /// Soft-deletes an attachment: an agent key with <c>events:write</c>, or a user who is owner or admin of the
    /// project's team, may. It disappears from lists and stops counting against quotas; the cleanup purges it later.
    /// </summary>
    Task<IssueResult<IssueAttachment>> DeleteAsync(Actor actor, Guid attachmentId, CancellationToken ct = default);

    /// <summary>
    /// Opens the bytes a download token names; the token is the only credential. A missing token, or one that is
    /// malformed, tampered with or expired, is <see cref="IssueErrorKind.Unauthenticated"/>; a deleted attachment, or
    /// one whose bytes never arrived, is not found.
    /// </summary>
    Task<IssueResult<AttachmentContent>> OpenDownloadAsync(string? token, CancellationToken ct = default);
}
