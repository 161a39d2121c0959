using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Webhooks;

public abstract partial class WebhookStoreContractTests
{
    [Test]
    public async Task AddDeliveriesAsync_ThenFindDeliveryAsync_RoundTripsEveryField()
    {
        var webhook = await AddWebhookAsync(Team);
        var pending = WebhookRecords.Delivery(webhook, TestTimes.At(3));
        var delivered = WebhookRecords.Delivery(webhook, TestTimes.At(4)) with
        {
            Status = WebhookDeliveryStatus.Delivered, Attempts = 2, LastStatusCode = 204, DeliveredAt = TestTimes.At(900),
        };

        await Store.AddDeliveriesAsync([pending, delivered]);

        Assert.That(await Store.FindDeliveryAsync(pending.Id), Is.EqualTo(pending), "the pending delivery read back differs from the one added");
        Assert.That(await Store.FindDeliveryAsync(delivered.Id), Is.EqualTo(delivered), "the delivered delivery read back differs from the one added");
        Assert.That(await Store.FindDeliveryAsync(Guid.NewGuid()), Is.Null, "an unknown id found a delivery");
    }

    [Test]
    public async Task AddDeliveriesAsync_IdAlreadyStored_LeavesTheStoredOneAndAddsTheRest()
    {
        var webhook = await AddWebhookAsync(Team);
        var first = WebhookRecords.Delivery(webhook);
        await Store.AddDeliveriesAsync([first]);
        var progressed = first with { Status = WebhookDeliveryStatus.Failed, Attempts = 5, LastStatusCode = 500 };
        await Store.SaveDeliveryAsync(progressed);
        var fresh = WebhookRecords.Delivery(webhook, TestTimes.At(1));

        await Store.AddDeliveriesAsync([first, fresh]);

        Assert.That(await Store.FindDeliveryAsync(first.Id), Is.EqualTo(progressed), "adding a stored delivery again overwrote it");
        Assert.That(await Store.FindDeliveryAsync(fresh.Id), Is.EqualTo(fresh), "the new delivery next to a stored one was not added");
        Assert.That(await DeliveryIdsOfAsync(webhook.Id), Has.Count.EqualTo(2), "a delivery added twice is listed twice");
    }

    [Test]
    public async Task AddDeliveriesAsync_SameIdTwiceInOneBatch_StoresOne()
    {
        var webhook = await AddWebhookAsync(Team);
        var delivery = WebhookRecords.Delivery(webhook);

        await Store.AddDeliveriesAsync([delivery, delivery with { Attempts = 1 }]);

        Assert.That(await DeliveryIdsOfAsync(webhook.Id), Is.EqualTo(new[] { delivery.Id }), "one id in a batch twice is not stored once");
    }

    [Test]
    public async Task AddDeliveriesAsync_InParallelWithTheSameDeliveries_StoresEachOnceUnchanged()
    {
        var webhook = await AddWebhookAsync(Team);
        var deliveries = Enumerable.Range(0, 20).Select(i => WebhookRecords.Delivery(webhook, TestTimes.At(i))).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var adding = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await Store.AddDeliveriesAsync(i % 2 == 0 ? deliveries : [.. Enumerable.Reverse(deliveries)]);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(adding);

        var listed = await Store.ListDeliveriesAsync(webhook.Id, int.MaxValue);
        Assert.That(listed, Is.EquivalentTo(deliveries), "parallel at-least-once hand-overs of the same deliveries did not store each exactly once");
    }

    [Test]
    public async Task SaveDeliveryAsync_MovesADeliveryThroughItsStatuses()
    {
        var webhook = await AddWebhookAsync(Team);
        var delivery = WebhookRecords.Delivery(webhook);
        await Store.AddDeliveriesAsync([delivery]);

        var retried = delivery with { Attempts = 1, LastStatusCode = 503 };
        await Store.SaveDeliveryAsync(retried);
        Assert.That(await Store.FindDeliveryAsync(delivery.Id), Is.EqualTo(retried), "a failed attempt was not saved");
        Assert.That((await Store.ListPendingDeliveriesAsync(10, TestTimes.At(0))).Select(d => d.Id), Is.EqualTo(new[] { delivery.Id }), "a retried delivery is no longer pending");

        var delivered = retried with { Status = WebhookDeliveryStatus.Delivered, Attempts = 2, LastStatusCode = 200, DeliveredAt = TestTimes.At(60_000) };
        await Store.SaveDeliveryAsync(delivered);
        Assert.That(await Store.FindDeliveryAsync(delivery.Id), Is.EqualTo(delivered), "the delivered state was not saved");
        Assert.That(await Store.ListPendingDeliveriesAsync(10, TestTimes.At(0)), Is.Empty, "a delivered delivery is still pending");
        Assert.That(await DeliveryIdsOfAsync(webhook.Id), Is.EqualTo(new[] { delivery.Id }), "saving a delivery added a second one");
    }

    [Test]
    public async Task SaveDeliveryAsync_WebhookDeleted_DoesNothing()
    {
        var webhook = await AddWebhookAsync(Team);
        var delivery = WebhookRecords.Delivery(webhook);
        await Store.AddDeliveriesAsync([delivery]);
        await Store.DeleteWebhookAsync(webhook.Id);

        await Store.SaveDeliveryAsync(delivery with { Status = WebhookDeliveryStatus.Failed, Attempts = 5 });

        Assert.That(await Store.FindDeliveryAsync(delivery.Id), Is.Null, "saving a delivery of a deleted webhook brought it back");
        Assert.That(await Store.ListPendingDeliveriesAsync(10, TestTimes.At(0)), Is.Empty, "a delivery of a deleted webhook is pending");
    }

    [Test]
    public async Task SaveDeliveryAsync_InParallelWithDeletingItsWebhook_LeavesNoDelivery()
    {
        var webhook = await AddWebhookAsync(Team);
        var deliveries = Enumerable.Range(0, 20).Select(i => WebhookRecords.Delivery(webhook, TestTimes.At(i))).ToList();
        await Store.AddDeliveriesAsync(deliveries);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var saving = deliveries.Chunk(5).Select(chunk => Task.Run(async () =>
        {
            await start.Task;
            foreach (var delivery in chunk)
            {
                await Store.SaveDeliveryAsync(delivery with { Status = WebhookDeliveryStatus.Delivered, Attempts = 1, DeliveredAt = TestTimes.At(1000) });
            }
        })).ToList();
        var deleting = Task.Run(async () =>
        {
            await start.Task;
            await Store.DeleteWebhookAsync(webhook.Id);
        });
        start.SetResult();
        await Task.WhenAll([.. saving, deleting]);

        var left = await Task.WhenAll(deliveries.Select(d => Store.FindDeliveryAsync(d.Id)));
        Assert.That(left.Count(d => d is not null), Is.Zero, "a delivery saved while its webhook was deleted outlived the webhook");
    }

    [Test]
    public async Task ListDeliveriesAsync_ListsThatWebhooksDeliveriesNewestFirstUpToTake()
    {
        var webhook = await AddWebhookAsync(Team);
        var other = await AddWebhookAsync(Team);
        var deliveries = new[] { 20, 0, 40, 10, 30 }.Select(ms => WebhookRecords.Delivery(webhook, TestTimes.At(ms))).ToList();
        await Store.AddDeliveriesAsync([.. deliveries, WebhookRecords.Delivery(other, TestTimes.At(50))]);
        var newestFirst = deliveries.OrderByDescending(d => d.CreatedAt).Select(d => d.Id).ToList();

        Assert.That(await DeliveryIdsOfAsync(webhook.Id), Is.EqualTo(newestFirst), "not the webhook's deliveries, newest first");
        Assert.That((await Store.ListDeliveriesAsync(webhook.Id, 2)).Select(d => d.Id), Is.EqualTo(newestFirst.Take(2)), "take did not keep the newest");
        Assert.That(await Store.ListDeliveriesAsync(webhook.Id, 0), Is.Empty, "take 0 listed deliveries");
        Assert.That(await Store.ListDeliveriesAsync(Guid.NewGuid(), 10), Is.Empty, "an unknown webhook has deliveries");
    }

    [Test]
    public async Task ListPendingDeliveriesAsync_ListsEveryWebhooksPendingOnesOldestFirstUpToTake()
    {
        var webhook = await AddWebhookAsync(Team);
        var other = await AddWebhookAsync(OtherTeam);
        var late = WebhookRecords.Delivery(webhook, TestTimes.At(30));
        var early = WebhookRecords.Delivery(other, TestTimes.At(10));
        var middle = WebhookRecords.Delivery(webhook, TestTimes.At(20));
        var delivered = WebhookRecords.Delivery(other, TestTimes.At(0)) with { Status = WebhookDeliveryStatus.Delivered, Attempts = 1, DeliveredAt = TestTimes.At(1) };
        var failed = WebhookRecords.Delivery(webhook, TestTimes.At(5)) with { Status = WebhookDeliveryStatus.Failed, Attempts = 8, LastStatusCode = 500 };
        await Store.AddDeliveriesAsync([late, early, middle, delivered, failed]);

        Assert.That((await Store.ListPendingDeliveriesAsync(10, TestTimes.At(0))).Select(d => d.Id), Is.EqualTo(new[] { early.Id, middle.Id, late.Id }), "not every webhook's pending deliveries, oldest first");
        Assert.That((await Store.ListPendingDeliveriesAsync(2, TestTimes.At(0))).Select(d => d.Id), Is.EqualTo(new[] { early.Id, middle.Id }), "take did not keep the oldest");
        Assert.That(await Store.ListPendingDeliveriesAsync(0, TestTimes.At(0)), Is.Empty, "take 0 listed deliveries");
    }
}
