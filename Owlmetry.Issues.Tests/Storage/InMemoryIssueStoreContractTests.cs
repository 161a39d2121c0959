using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;

namespace Owlmetry.Issues.Tests.Storage;

[TestFixture]
public sealed class InMemoryIssueStoreContractTests : IssueStoreContractTests
{
    protected override IIssueStore CreateStore() => new InMemoryIssueStore();
}
