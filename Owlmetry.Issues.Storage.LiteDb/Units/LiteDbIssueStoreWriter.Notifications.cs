using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

internal sealed partial class LiteDbIssueStoreWriter
{
    public void AddNotification(OutboxNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Run(nameof(AddNotification), () => Collections.Notifications.Insert(OutboxNotificationDocument.From(notification)));
    }

    public void UpdateNotification(OutboxNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!Run(nameof(UpdateNotification), () => Collections.Notifications.Update(OutboxNotificationDocument.From(notification))))
        {
            throw new InvalidOperationException($"Notification {notification.Id} does not exist.");
        }
    }

    public int DeleteNotificationsSettledBefore(DateTimeOffset cutoff) =>
        Run(nameof(DeleteNotificationsSettledBefore), () => Collections.Notifications.DeleteMany(BsonExpression.Create(
            $"$.{nameof(OutboxNotificationDocument.PendingKey)} = null AND $.{nameof(OutboxNotificationDocument.CreatedAt)} < @0", UnixTime.From(cutoff))));

    public void SetLastDigestAt(Guid projectId, DateTimeOffset at) =>
        Run(nameof(SetLastDigestAt), () => Collections.DigestState.Upsert(new DigestStateDocument { Id = projectId, LastDigestAt = UnixTime.From(at) }));
}
