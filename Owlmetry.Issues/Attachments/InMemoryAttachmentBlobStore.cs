using System.Collections.Concurrent;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Attachment bytes in memory: the default of <c>AddOwlmetryIssues()</c>, for tests and throw-away instances. Each
/// file is held whole, so it suits small files only; a host uses <see cref="FileSystemAttachmentBlobStore"/>.
/// </summary>
public sealed class InMemoryAttachmentBlobStore : IAttachmentBlobStore
{
    private readonly ConcurrentDictionary<Guid, byte[]> _blobs = new();

    /// <summary>How many attachments have bytes stored.</summary>
    public int Count => _blobs.Count;

    /// <summary>Whether bytes are stored under <paramref name="attachmentId"/>.</summary>
    public bool Contains(Guid attachmentId) => _blobs.ContainsKey(attachmentId);

    /// <inheritdoc />
    public async Task WriteAsync(Guid attachmentId, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct).ConfigureAwait(false);
        _blobs[attachmentId] = buffer.ToArray();
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(Guid attachmentId, CancellationToken ct = default) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(attachmentId, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    /// <inheritdoc />
    public Task DeleteAsync(Guid attachmentId, CancellationToken ct = default)
    {
        _blobs.TryRemove(attachmentId, out _);
        return Task.CompletedTask;
    }
}
