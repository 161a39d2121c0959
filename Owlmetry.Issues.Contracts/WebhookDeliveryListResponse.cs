namespace Owlmetry.Issues.Contracts;

/// <summary>A webhook's recent deliveries.</summary>
/// <param name="Deliveries">The deliveries, newest first.</param>
public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Deliveries);
