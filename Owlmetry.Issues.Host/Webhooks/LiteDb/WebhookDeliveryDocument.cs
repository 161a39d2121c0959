namespace Owlmetry.Issues.Host.Webhooks.LiteDb;

internal sealed class WebhookDeliveryDocument
{
    public Guid Id { get; set; }

    public Guid WebhookId { get; set; }

    public Guid TeamId { get; set; }

    public Guid NotificationId { get; set; }

    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public string Status { get; set; } = "";

    public int Attempts { get; set; }

    public int? LastStatusCode { get; set; }

    public long CreatedAt { get; set; }

    public long? DeliveredAt { get; set; }

    /// <summary>The sender that claimed the delivery (<see cref="IWebhookStore.TryClaimDeliveryAsync"/>), if any.</summary>
    public Guid? ClaimedBy { get; set; }

    public long? ClaimedUntil { get; set; }

    public static WebhookDeliveryDocument From(WebhookDelivery d) => new()
    {
        Id = d.Id, WebhookId = d.WebhookId, TeamId = d.TeamId, NotificationId = d.NotificationId, Type = d.Type, Payload = d.Payload,
        Status = d.Status.ToString(), Attempts = d.Attempts, LastStatusCode = d.LastStatusCode,
        CreatedAt = d.CreatedAt.ToUnixTimeMilliseconds(), DeliveredAt = d.DeliveredAt?.ToUnixTimeMilliseconds(),
    };

    public WebhookDelivery ToDelivery() => new(
        Id, WebhookId, TeamId, NotificationId, Type, Payload,
        Enum.TryParse<WebhookDeliveryStatus>(Status, out var status) ? status : throw new InvalidDataException($"Delivery {Id} has an unknown status '{Status}'."),
        Attempts, LastStatusCode, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        DeliveredAt is { } delivered ? DateTimeOffset.FromUnixTimeMilliseconds(delivered) : null);
}
