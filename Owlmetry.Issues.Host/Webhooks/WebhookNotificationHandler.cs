using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// Turns each notification into one pending delivery per webhook of its team subscribed to its type. Delivery ids
/// derive from (notification, webhook), so a notification handed over twice yields no second delivery.
/// </summary>
internal sealed class WebhookNotificationHandler(IWebhookStore store, WebhookSignal signal, TimeProvider timeProvider) : INotificationHandler
{
    public async Task HandleAsync(IssueNotification notification, CancellationToken ct)
    {
        var webhooks = (await store.ListWebhooksAsync(notification.TeamId, ct)).Where(w => w.Events.Contains(notification.Type)).ToList();
        if (webhooks.Count == 0)
        {
            return;
        }

        var payload = NotificationJson.Serialize(notification);
        var now = timeProvider.GetUtcNowMilliseconds();
        var deliveries = webhooks
            .Select(w => new WebhookDelivery(
                DeliveryIds.For(notification.Id, w.Id), w.Id, w.TeamId, notification.Id, notification.Type, payload,
                WebhookDeliveryStatus.Pending, Attempts: 0, LastStatusCode: null, now, DeliveredAt: null))
            .ToList();
        await store.AddDeliveriesAsync(deliveries, ct);
        signal.Notify();
    }
}
