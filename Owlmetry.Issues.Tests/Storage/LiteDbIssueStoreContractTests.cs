using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Tests.Storage;

[TestFixture]
public sealed class LiteDbIssueStoreContractTests : IssueStoreContractTests
{
    private string? _folder;

    protected override IIssueStore CreateStore()
    {
        _folder = Path.Combine(Path.GetTempPath(), "owlmetry-tests", Guid.NewGuid().ToString("N"));
        return new LiteDbIssueStore(Path.Combine(_folder, "issues.db"));
    }

    protected override void ReleaseStore(IIssueStore store)
    {
        ((LiteDbIssueStore)store).Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
