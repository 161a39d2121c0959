using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Webhooks;

/// <summary>
/// The behaviour every <see cref="IWebhookStore"/> must have, run against each provider by a concrete subclass and
/// observed through the interface only.
/// </summary>
public abstract partial class WebhookStoreContractTests
{
    protected static readonly Guid Team = Guid.Parse("7e000000-0000-4000-8000-0000000000a1");
    protected static readonly Guid OtherTeam = Guid.Parse("7e000000-0000-4000-8000-0000000000a2");

    protected IWebhookStore Store { get; private set; } = null!;

    /// <summary>A new, empty store for one test; a provider with files or handles releases them in a [TearDown] of its own.</summary>
    protected abstract IWebhookStore CreateStore();

    [SetUp]
    public void CreateStoreForTest() => Store = CreateStore();

    protected async Task<Webhook> AddWebhookAsync(Guid teamId, DateTimeOffset? createdAt = null)
    {
        var webhook = WebhookRecords.Webhook(teamId, createdAt);
        await Store.AddWebhookAsync(webhook);
        return webhook;
    }

    protected async Task<IReadOnlyList<Guid>> DeliveryIdsOfAsync(Guid webhookId) =>
        (await Store.ListDeliveriesAsync(webhookId, int.MaxValue)).Select(d => d.Id).ToList();

    /// <summary>Records compare lists by reference, so a webhook read back is compared field by field.</summary>
    private static void AssertSameWebhook(Webhook? actual, Webhook expected, string what)
    {
        Assert.That(actual, Is.Not.Null, $"{what}: the webhook is not found");
        Assert.That(actual! with { Events = expected.Events }, Is.EqualTo(expected), $"{what}: a field of the webhook changed");
        Assert.That(actual.Events, Is.EqualTo(expected.Events), $"{what}: the webhook's events changed");
    }
}
