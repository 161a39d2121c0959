namespace Owlmetry.Issues.Host.Contracts;

public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Deliveries);
