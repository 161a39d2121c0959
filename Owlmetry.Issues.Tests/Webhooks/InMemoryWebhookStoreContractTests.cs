using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Tests.Webhooks;

[TestFixture]
public sealed class InMemoryWebhookStoreContractTests : WebhookStoreContractTests
{
    protected override IWebhookStore CreateStore() => new InMemoryWebhookStore();
}
