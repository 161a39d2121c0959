using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>Everything one server stores, on one provider: what a copy reads from and writes to, and what its check digests.</summary>
internal sealed record StoreSet(
    string Name,
    IIssueStore Issues,
    IDirectoryStore Directory,
    IWebhookStore Webhooks,
    IAttachmentBlobStore Blobs,
    Func<CancellationToken, Task<string?>> ReadJwtSecret,
    Func<string, CancellationToken, Task<bool>>? StoreJwtSecret = null)
{
    public IDirectoryStoreExport DirectoryExport => Directory as IDirectoryStoreExport
        ?? throw new InvalidOperationException($"The {Name} directory store cannot be exported.");

    public IWebhookStoreExport WebhookExport => Webhooks as IWebhookStoreExport
        ?? throw new InvalidOperationException($"The {Name} webhook store cannot be exported.");
}
