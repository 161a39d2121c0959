using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Webhooks and deliveries with fresh ids, created at <see cref="TestTimes.Base"/> unless told; vary the rest with <c>with</c>.</summary>
internal static class WebhookRecords
{
    public static Webhook Webhook(Guid teamId, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        return new Webhook(id, teamId, $"https://hooks.example.com/{id:N}", $"whsec_{id:N}", ["issue.created", "issue.regressed"], createdAt ?? TestTimes.Base);
    }

    public static WebhookDelivery Delivery(Webhook webhook, DateTimeOffset? createdAt = null)
    {
        var notificationId = Guid.NewGuid();
        return new WebhookDelivery(
            DeliveryIds.For(notificationId, webhook.Id), webhook.Id, webhook.TeamId, notificationId, "issue.created",
            $$"""{"type":"issue.created","notification":"{{notificationId}}"}""", WebhookDeliveryStatus.Pending, 0, null, createdAt ?? TestTimes.Base, null);
    }
}
