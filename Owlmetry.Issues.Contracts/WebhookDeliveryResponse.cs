namespace Owlmetry.Issues.Contracts;

/// <summary>One delivery of a notification to a webhook.</summary>
/// <param name="Id">The delivery's id.</param>
/// <param name="Type">The notification type.</param>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="LastStatusCode">The receiver's last HTTP status, if any.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="DeliveredAt">When it was delivered; null until then.</param>
public sealed record WebhookDeliveryResponse(
    Guid Id, string Type, string Status, int Attempts, int? LastStatusCode, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);
