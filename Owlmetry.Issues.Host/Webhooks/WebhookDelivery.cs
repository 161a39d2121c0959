namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>One notification on its way to one webhook, with its payload frozen so that every attempt sends the same bytes.</summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid WebhookId,
    Guid TeamId,
    Guid NotificationId,
    string Type,
    string Payload,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);
