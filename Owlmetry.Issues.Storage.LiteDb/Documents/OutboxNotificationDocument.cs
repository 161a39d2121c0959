using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// The stored shape of an <see cref="OutboxNotification"/>. <see cref="PendingKey"/> is <c>created_at|id</c> while
/// the notification is pending and null once settled, so the pending ones, oldest first, are one index range.
/// </summary>
internal sealed class OutboxNotificationDocument
{
    public Guid Id { get; set; }

    public string Type { get; set; } = "";

    public Guid TeamId { get; set; }

    public string Payload { get; set; } = "";

    public long CreatedAt { get; set; }

    public string Status { get; set; } = "";

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public long? DispatchedAt { get; set; }

    public string? PendingKey { get; set; }

    public static OutboxNotificationDocument From(OutboxNotification notification) => new()
    {
        Id = notification.Id,
        Type = notification.Type,
        TeamId = notification.TeamId,
        Payload = notification.Payload,
        CreatedAt = UnixTime.From(notification.CreatedAt),
        Status = notification.Status.ToString(),
        Attempts = notification.Attempts,
        LastError = notification.LastError,
        DispatchedAt = UnixTime.From(notification.DispatchedAt),
        PendingKey = notification.Status == NotificationDispatchStatus.Pending
            ? $"{StorageKeys.Time(notification.CreatedAt)}|{StorageKeys.Id(notification.Id)}"
            : null,
    };

    public OutboxNotification ToNotification() => new()
    {
        Id = Id,
        Type = Type,
        TeamId = TeamId,
        Payload = Payload,
        CreatedAt = UnixTime.ToTime(CreatedAt),
        Status = StoredEnum.Parse<NotificationDispatchStatus>(Status, Id),
        Attempts = Attempts,
        LastError = LastError,
        DispatchedAt = UnixTime.ToTime(DispatchedAt),
    };
}
