using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Webhooks;

public abstract partial class WebhookStoreContractTests
{
    [Test]
    public async Task AddWebhookAsync_ThenFindWebhookAsync_RoundTripsEveryField()
    {
        var webhook = WebhookRecords.Webhook(Team, TestTimes.At(8)) with { Events = ["issue.resolved", "issue.created", "issue.regressed"] };

        await Store.AddWebhookAsync(webhook);

        AssertSameWebhook(await Store.FindWebhookAsync(webhook.Id), webhook, "the webhook read back");
        Assert.That(await Store.FindWebhookAsync(Guid.NewGuid()), Is.Null, "an unknown id found a webhook");
    }

    [Test]
    public async Task ListWebhooksAsync_ListsThatTeamsWebhooksOldestFirst()
    {
        var late = await AddWebhookAsync(Team, TestTimes.At(30));
        await AddWebhookAsync(OtherTeam, TestTimes.At(0));
        var early = await AddWebhookAsync(Team, TestTimes.At(10));

        var listed = await Store.ListWebhooksAsync(Team);

        Assert.That(listed.Select(w => w.Id), Is.EqualTo(new[] { early.Id, late.Id }), "not the team's webhooks, oldest first");
        AssertSameWebhook(listed[0], early, "the listed webhook");
        Assert.That(await Store.ListWebhooksAsync(Guid.NewGuid()), Is.Empty, "an unknown team has webhooks");
    }

    [Test]
    public async Task DeleteWebhookAsync_RemovesTheWebhookAndItsDeliveriesOnly()
    {
        var doomed = await AddWebhookAsync(Team);
        var kept = await AddWebhookAsync(Team);
        var keptDelivery = WebhookRecords.Delivery(kept);
        await Store.AddDeliveriesAsync([WebhookRecords.Delivery(doomed), WebhookRecords.Delivery(doomed), keptDelivery]);
        var doomedDeliveries = await DeliveryIdsOfAsync(doomed.Id);

        await Store.DeleteWebhookAsync(doomed.Id);

        Assert.That(await Store.FindWebhookAsync(doomed.Id), Is.Null, "the deleted webhook is still found");
        Assert.That(await Store.ListWebhooksAsync(Team), Has.Count.EqualTo(1), "the deleted webhook is still listed");
        Assert.That(await DeliveryIdsOfAsync(doomed.Id), Is.Empty, "the deleted webhook's deliveries are still listed");
        foreach (var id in doomedDeliveries)
        {
            Assert.That(await Store.FindDeliveryAsync(id), Is.Null, "a delivery of the deleted webhook is still found");
        }

        Assert.That(await Store.FindDeliveryAsync(keptDelivery.Id), Is.EqualTo(keptDelivery), "another webhook's delivery was removed");
        Assert.That((await Store.ListPendingDeliveriesAsync(int.MaxValue, TestTimes.At(0))).Select(d => d.Id), Is.EqualTo(new[] { keptDelivery.Id }), "the deleted webhook's deliveries are still pending");
    }

    [Test]
    public async Task DeleteWebhookAsync_UnknownId_ChangesNothing()
    {
        var webhook = await AddWebhookAsync(Team);

        await Store.DeleteWebhookAsync(Guid.NewGuid());

        AssertSameWebhook(await Store.FindWebhookAsync(webhook.Id), webhook, "a webhook after deleting an unknown one");
    }
}
