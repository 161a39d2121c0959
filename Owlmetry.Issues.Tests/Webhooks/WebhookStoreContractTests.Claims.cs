using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Webhooks;

public abstract partial class WebhookStoreContractTests
{
    private static readonly Guid s_sender = Guid.Parse("c1a10000-0000-4000-8000-000000000001");
    private static readonly Guid s_otherSender = Guid.Parse("c1a10000-0000-4000-8000-000000000002");

    [Test]
    public async Task TryClaimDeliveryAsync_PendingAndUnclaimed_IsClaimedOnceUntilItLapses()
    {
        var delivery = await AddPendingDeliveryAsync();

        var claimed = await Store.TryClaimDeliveryAsync(delivery.Id, s_sender, TestTimes.At(1_000), TestTimes.At(0));
        var takenWhileHeld = await Store.TryClaimDeliveryAsync(delivery.Id, s_otherSender, TestTimes.At(2_000), TestTimes.At(999));
        var renewed = await Store.TryClaimDeliveryAsync(delivery.Id, s_sender, TestTimes.At(3_000), TestTimes.At(999));
        var takenOnceLapsed = await Store.TryClaimDeliveryAsync(delivery.Id, s_otherSender, TestTimes.At(9_000), TestTimes.At(3_000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claimed, Is.True, "an unclaimed pending delivery could not be claimed");
            Assert.That(takenWhileHeld, Is.False, "a second sender claimed a delivery another sender held");
            Assert.That(renewed, Is.True, "the holder could not renew its own claim");
            Assert.That(takenOnceLapsed, Is.True, "a lapsed claim could not be taken over");
        }
    }

    [Test]
    public async Task ListPendingDeliveriesAsync_ClaimedDelivery_IsLeftOutUntilItsClaimLapses()
    {
        var claimed = await AddPendingDeliveryAsync();
        var unclaimed = await AddPendingDeliveryAsync();
        await Store.TryClaimDeliveryAsync(claimed.Id, s_sender, TestTimes.At(1_000), TestTimes.At(0));

        Assert.That(
            (await Store.ListPendingDeliveriesAsync(10, TestTimes.At(999))).Select(d => d.Id),
            Is.EqualTo(new[] { unclaimed.Id }),
            "a delivery its sender holds was listed for sending");
        Assert.That(
            (await Store.ListPendingDeliveriesAsync(10, TestTimes.At(1_000))).Select(d => d.Id),
            Is.EquivalentTo(new[] { claimed.Id, unclaimed.Id }),
            "a delivery whose claim lapsed was not listed again");
    }

    [Test]
    public async Task TryClaimDeliveryAsync_SettledOrUnknown_IsRefused()
    {
        var webhook = await AddWebhookAsync(Team);
        var delivered = WebhookRecords.Delivery(webhook) with { Status = WebhookDeliveryStatus.Delivered, Attempts = 1, DeliveredAt = TestTimes.At(5) };
        await Store.AddDeliveriesAsync([delivered]);

        Assert.That(await Store.TryClaimDeliveryAsync(delivered.Id, s_sender, TestTimes.At(1_000), TestTimes.At(0)), Is.False, "a delivered delivery was claimed");
        Assert.That(await Store.TryClaimDeliveryAsync(Guid.NewGuid(), s_sender, TestTimes.At(1_000), TestTimes.At(0)), Is.False, "an unknown delivery was claimed");
    }

    [Test]
    public async Task SaveDeliveryAsync_OfAClaimedDelivery_KeepsItsClaim()
    {
        var delivery = await AddPendingDeliveryAsync();
        await Store.TryClaimDeliveryAsync(delivery.Id, s_sender, TestTimes.At(1_000), TestTimes.At(0));

        await Store.SaveDeliveryAsync(delivery with { Attempts = 1, LastStatusCode = 503 });

        Assert.That(
            await Store.TryClaimDeliveryAsync(delivery.Id, s_otherSender, TestTimes.At(2_000), TestTimes.At(500)),
            Is.False,
            "recording an attempt between retries freed the claim for another sender");
    }

    [Test]
    public async Task TryClaimDeliveryAsync_ManySendersAtOnce_OneWins()
    {
        var delivery = await AddPendingDeliveryAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => Store.TryClaimDeliveryAsync(delivery.Id, Guid.NewGuid(), TestTimes.At(1_000), TestTimes.At(0)))));

        Assert.That(claims.Count(won => won), Is.EqualTo(1), "not exactly one of eight senders claimed the delivery");
    }

    private async Task<WebhookDelivery> AddPendingDeliveryAsync()
    {
        var webhook = await AddWebhookAsync(Team);
        var delivery = WebhookRecords.Delivery(webhook);
        await Store.AddDeliveriesAsync([delivery]);
        return delivery;
    }
}
