namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Where attachment bytes live, addressed by attachment id alone: no name a caller sent ever becomes part of a
/// storage path. Reads and writes stream; nothing holds a whole file in memory unless the store itself is memory.
/// </summary>
public interface IAttachmentBlobStore
{
    /// <summary>
    /// Stores everything read from <paramref name="content"/> under <paramref name="attachmentId"/>, replacing what
    /// was there. The bytes become visible only when <paramref name="content"/> ends: when reading it throws, or the
    /// call is cancelled, nothing is stored under the id and the exception propagates.
    /// </summary>
    Task WriteAsync(Guid attachmentId, Stream content, CancellationToken ct = default);

    /// <summary>Opens the stored bytes for reading; the caller disposes the stream.</summary>
    /// <returns>The bytes, or null when none are stored under the id.</returns>
    Task<Stream?> OpenReadAsync(Guid attachmentId, CancellationToken ct = default);

    /// <summary>Removes the bytes of an attachment, and any unfinished write of them; nothing happens when there are none.</summary>
    Task DeleteAsync(Guid attachmentId, CancellationToken ct = default);
}
