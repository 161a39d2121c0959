using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

[TestFixture]
public sealed class LiteDbIssueStoreContractTests : IssueStoreContractTests
{
    private TempFolder? _folder;

    protected override IIssueStore CreateStore()
    {
        _folder = new TempFolder();
        return new LiteDbIssueStore(_folder.File("issues.db"));
    }

    [TearDown]
    public void ReleaseStore()
    {
        ((LiteDbIssueStore)Store).Dispose();
        _folder?.Dispose();
    }
}
