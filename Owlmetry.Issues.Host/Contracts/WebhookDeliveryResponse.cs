using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Host.Contracts;

public sealed record WebhookDeliveryResponse(
    Guid Id, string Type, string Status, int Attempts, int? LastStatusCode, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(
        d.Id, d.Type, d.Status.ToWireName(), d.Attempts, d.LastStatusCode, d.CreatedAt, d.DeliveredAt);
}
