using Owlmetry.Issues.Attachments;

namespace Owlmetry.Issues.Tests.Attachments;

[TestFixture]
public sealed class InMemoryAttachmentBlobStoreTests : AttachmentBlobStoreContractTests
{
    protected override IAttachmentBlobStore CreateStore() => new InMemoryAttachmentBlobStore();
}
