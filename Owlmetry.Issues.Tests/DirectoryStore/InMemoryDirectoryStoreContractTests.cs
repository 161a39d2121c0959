using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.DirectoryStore;

[TestFixture]
public sealed class InMemoryDirectoryStoreContractTests : DirectoryStoreContractTests
{
    protected override IDirectoryStore CreateStore() => new InMemoryDirectoryStore();
}
