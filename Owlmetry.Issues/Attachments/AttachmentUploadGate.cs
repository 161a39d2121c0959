using System.Collections.Concurrent;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// The attachments whose bytes are being uploaded in this process: a second upload of the same attachment is
/// refused while one runs, and the cleanup leaves a reservation alone while its upload is still streaming.
/// </summary>
internal sealed class AttachmentUploadGate
{
    private readonly ConcurrentDictionary<Guid, byte> _uploading = new();

    public bool TryEnter(Guid attachmentId) => _uploading.TryAdd(attachmentId, 0);

    public void Exit(Guid attachmentId) => _uploading.TryRemove(attachmentId, out _);

    public bool IsUploading(Guid attachmentId) => _uploading.ContainsKey(attachmentId);
}
