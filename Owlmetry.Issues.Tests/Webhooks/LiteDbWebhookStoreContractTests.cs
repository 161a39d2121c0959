using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Host.Webhooks.LiteDb;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Webhooks;

[TestFixture]
public sealed class LiteDbWebhookStoreContractTests : WebhookStoreContractTests
{
    private TempFolder? _folder;
    private LiteDbIssueStore? _issues;

    protected override IWebhookStore CreateStore()
    {
        _folder = new TempFolder();
        _issues = new LiteDbIssueStore(_folder.File("issues.db"));
        return new LiteDbWebhookStore(_issues);
    }

    [TearDown]
    public void ReleaseStore()
    {
        _issues?.Dispose();
        _folder?.Dispose();
    }
}
