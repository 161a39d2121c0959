using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Directory.LiteDb;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DirectoryStore;

[TestFixture]
public sealed class LiteDbDirectoryStoreContractTests : DirectoryStoreContractTests
{
    private TempFolder? _folder;
    private LiteDbIssueStore? _issues;

    protected override IDirectoryStore CreateStore()
    {
        _folder = new TempFolder();
        _issues = new LiteDbIssueStore(_folder.File("issues.db"));
        return new LiteDbDirectoryStore(_issues);
    }

    [TearDown]
    public void ReleaseStore()
    {
        _issues?.Dispose();
        _folder?.Dispose();
    }
}
